using FactFunctions.Validation;

namespace FactFunctions.Programme.Outcomes;

/// <summary>The rules of a meeting's outcome, every field named (<c>actions[2].due</c>), every problem at once.</summary>
public static class OutcomeValidation
{
    public const int MaxActions = 200;

    public static void Outcome(ValidationErrors errors, string prefix, MeetingOutcome outcome, DateOnly? meeting)
    {
        ProgrammeValidation.Paragraphs(errors, ValidationErrors.Field(prefix, "resolution"), outcome.Resolution);
        ProgrammeValidation.Paragraphs(errors, ValidationErrors.Field(prefix, "discussion"), outcome.Discussion);
        var actions = outcome.Actions ?? [];
        string field = ValidationErrors.Field(prefix, "actions");
        if (actions.Count > MaxActions)
        {
            errors.Add(field, $"has {actions.Count} actions; at most {MaxActions} are allowed.");
            return;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < actions.Count; i++)
        {
            string item = $"{field}[{i}]";
            if (actions[i] is not { } action)
            {
                errors.Add(item, "is required.");
                continue;
            }

            errors.Slug($"{item}.id", action.Id);
            if (action.Id is { } id && !ids.Add(id))
            {
                errors.Add($"{item}.id", $"repeats the id '{id}' of another action of this meeting.");
            }

            errors.RequiredText($"{item}.text", action.Text, 2_000);
            errors.RequiredText($"{item}.owner", action.Owner, 200);
            errors.SingleLine($"{item}.owner", action.Owner);
            errors.Email($"{item}.ownerEmail", action.OwnerEmail, required: false);
            if (string.IsNullOrWhiteSpace(action.Due))
            {
                errors.Add($"{item}.due", "is required: when the action is due, as people write it (March 2024, Spring 2025).");
            }
            else
            {
                ProgrammeValidation.DueWindow(errors, $"{item}.due", action.Due);
            }

            errors.OneOf($"{item}.status", action.Status, ActionStatus.All);
            errors.Text($"{item}.note", action.Note, 2_000);
            errors.Date($"{item}.reportBackTo", action.ReportBackTo);
            if (action.ReportBackTo is { } back && meeting is { } day && back <= day)
            {
                errors.Add($"{item}.reportBackTo", $"is {back:yyyy-MM-dd}, not a meeting after this one ({day:yyyy-MM-dd}).");
            }

            errors.Date($"{item}.doneOn", action.DoneOn);
            if (action.DoneOn is { } doneOn && meeting is { } held && doneOn < held)
            {
                errors.Add($"{item}.doneOn", $"is {doneOn:yyyy-MM-dd}, before the meeting that recorded the action ({held:yyyy-MM-dd}).");
            }

            if (action.DoneOn is not null && action.Status != ActionStatus.Done)
            {
                errors.Add($"{item}.doneOn", "is set, but the action's status is not done.");
            }
        }
    }
}
