using FactFunctions.Dates;
using FactFunctions.Http;

namespace FactFunctions.Programme;

/// <summary>Field rules for programme data, shared by the single-record routes and the whole-document import.</summary>
public static class ProgrammeValidation
{
    public const int MaxParagraphs = 200;

    public static void Project(ValidationErrors errors, string prefix, ProjectFields project)
    {
        errors.RequiredText(ValidationErrors.Field(prefix, "name"), project.Name, 200);
        errors.Text(ValidationErrors.Field(prefix, "workstream"), project.Workstream, 200);
        errors.Text(ValidationErrors.Field(prefix, "lead"), project.Lead, 200);
        errors.Text(ValidationErrors.Field(prefix, "aim"), project.Aim, ValidationErrors.MaxLongText);
        errors.OneOf(ValidationErrors.Field(prefix, "status"), project.Status, ProjectStatus.All);
        errors.Range(ValidationErrors.Field(prefix, "order"), project.Order, 0, 100_000);
    }

    /// <summary>Checks a milestone and returns the window of its due text when that text reads as a date.</summary>
    public static MilestoneWindow? Milestone(ValidationErrors errors, string prefix, MilestoneFields milestone)
    {
        errors.RequiredText(ValidationErrors.Field(prefix, "activity"), milestone.Activity, 1_000);
        errors.OneOf(ValidationErrors.Field(prefix, "status"), milestone.Status, MilestoneStatus.All);
        errors.Text(ValidationErrors.Field(prefix, "board"), milestone.Board, 100);
        if (milestone.Board is not null)
        {
            errors.Slug(ValidationErrors.Field(prefix, "board"), milestone.Board);
        }

        errors.Range(ValidationErrors.Field(prefix, "order"), milestone.Order, 0, 100_000);

        string dueField = ValidationErrors.Field(prefix, "due");
        var parsed = FuzzyDate.TryParse(milestone.Due);
        if (parsed.Window is null)
        {
            errors.Add(dueField, parsed.Error!);
        }
        else
        {
            errors.Text(dueField, milestone.Due, 100);
            if (!InputDates.InRange(parsed.Window.Value.Earliest) || !InputDates.InRange(parsed.Window.Value.Latest))
            {
                errors.Add(dueField, $"must fall between 2000 and 2099; \"{milestone.Due}\" is outside.");
                return null;
            }
        }

        return parsed.Window;
    }

    public static void Update(ValidationErrors errors, string prefix, UpdateFields update)
    {
        errors.Required(ValidationErrors.Field(prefix, "asOf"), update.AsOf);
        errors.Date(ValidationErrors.Field(prefix, "asOf"), update.AsOf);
        errors.OneOf(ValidationErrors.Field(prefix, "audience"), update.Audience, Audience.All);
        string paragraphs = ValidationErrors.Field(prefix, "paragraphs");
        if (update.Paragraphs is null || update.Paragraphs.Count == 0)
        {
            errors.Add(paragraphs, "needs at least one paragraph.");
        }

        Paragraphs(errors, paragraphs, update.Paragraphs);
    }

    public static void Indicator(ValidationErrors errors, string prefix, IndicatorFields indicator)
    {
        errors.RequiredText(ValidationErrors.Field(prefix, "name"), indicator.Name, 200);
        errors.Text(ValidationErrors.Field(prefix, "category"), indicator.Category, 200);
        errors.Text(ValidationErrors.Field(prefix, "unit"), indicator.Unit, 100);
        errors.OneOf(ValidationErrors.Field(prefix, "polarity"), indicator.Polarity, Polarity.All);
        errors.Text(ValidationErrors.Field(prefix, "source"), indicator.Source, 200);
        errors.Range(ValidationErrors.Field(prefix, "order"), indicator.Order, 0, 100_000);
        if (indicator.ProjectId is not null)
        {
            errors.Slug(ValidationErrors.Field(prefix, "projectId"), indicator.ProjectId);
        }
    }

    public static void IndicatorValue(ValidationErrors errors, string prefix, IndicatorValueFields value)
    {
        errors.Range(ValidationErrors.Field(prefix, "rank"), value.Rank, 1, 100_000);
        errors.Range(ValidationErrors.Field(prefix, "outOf"), value.OutOf, 1, 100_000);
        if (value.Rank is { } rank && value.OutOf is { } outOf && rank > outOf)
        {
            errors.Add(ValidationErrors.Field(prefix, "rank"), $"cannot be more than outOf ({outOf}).");
        }

        errors.Text(ValidationErrors.Field(prefix, "band"), value.Band, 20);
        errors.Text(ValidationErrors.Field(prefix, "comparator"), value.Comparator, 500);
        errors.Text(ValidationErrors.Field(prefix, "note"), value.Note, ValidationErrors.MaxLongText);
        if (value.Value is null && value.Rank is null && string.IsNullOrWhiteSpace(value.Note))
        {
            errors.Add(ValidationErrors.Field(prefix, "value"), "is required unless a rank or a note is given.");
        }
    }

    public static void Period(ValidationErrors errors, string field, string? period)
    {
        if (!Ids.IsPeriod(period))
        {
            errors.Add(field, $"must be a year span like 2020-21 or a quarter like 2022-Q3 ({Ids.PeriodPattern}).");
        }
    }

    public static void Text(ValidationErrors errors, string prefix, ProgrammeText text)
    {
        errors.RequiredText(ValidationErrors.Field(prefix, "title"), text.Title, 300);
        Paragraphs(errors, ValidationErrors.Field(prefix, "executiveSummary"), text.ExecutiveSummary);
        Paragraphs(errors, ValidationErrors.Field(prefix, "reasonForProposal"), text.ReasonForProposal);
        Paragraphs(errors, ValidationErrors.Field(prefix, "purpose"), text.Purpose);
        errors.TextList(ValidationErrors.Field(prefix, "principles"), text.Principles, 50, 1_000);
        errors.TextList(ValidationErrors.Field(prefix, "kindnessAndCare"), text.KindnessAndCare, 50, 1_000);
        Paragraphs(errors, ValidationErrors.Field(prefix, "background"), text.Background);
        Paragraphs(errors, ValidationErrors.Field(prefix, "governance"), text.Governance);
        Paragraphs(errors, ValidationErrors.Field(prefix, "safeguarding"), text.Safeguarding);
        Paragraphs(errors, ValidationErrors.Field(prefix, "publicHealth"), text.PublicHealth);
        Paragraphs(errors, ValidationErrors.Field(prefix, "procurement"), text.Procurement);
        Paragraphs(errors, ValidationErrors.Field(prefix, "equalities"), text.Equalities);
        Paragraphs(errors, ValidationErrors.Field(prefix, "environmental"), text.Environmental);
        Paragraphs(errors, ValidationErrors.Field(prefix, "financial"), text.Financial);
        Paragraphs(errors, ValidationErrors.Field(prefix, "legal"), text.Legal);
        Paragraphs(errors, ValidationErrors.Field(prefix, "options"), text.Options);
        Paragraphs(errors, ValidationErrors.Field(prefix, "conclusion"), text.Conclusion);
        errors.TextList(ValidationErrors.Field(prefix, "achievements"), text.Achievements, 100, 2_000);
        if (text.SchoolsForum is { } forum)
        {
            string f = ValidationErrors.Field(prefix, "schoolsForum");
            Paragraphs(errors, ValidationErrors.Field(f, "purpose"), forum.Purpose);
            Paragraphs(errors, ValidationErrors.Field(f, "background"), forum.Background);
            Paragraphs(errors, ValidationErrors.Field(f, "update"), forum.Update);
            Paragraphs(errors, ValidationErrors.Field(f, "priorityProjects"), forum.PriorityProjects);
            Paragraphs(errors, ValidationErrors.Field(f, "nextSteps"), forum.NextSteps);
        }

        if (text.PreviousReports is { } previous)
        {
            string f = ValidationErrors.Field(prefix, "previousReports");
            errors.Text(ValidationErrors.Field(f, "selectCommittee"), previous.SelectCommittee, 50);
            errors.Text(ValidationErrors.Field(f, "schoolsForum"), previous.SchoolsForum, 50);
        }
        errors.TextList(ValidationErrors.Field(prefix, "backgroundPapers"), text.BackgroundPapers, 50, 2_000);
        errors.TextList(ValidationErrors.Field(prefix, "appendices"), text.Appendices, 50, 2_000);
        Risks(errors, ValidationErrors.Field(prefix, "risks"), text.Risks);
        Person(errors, ValidationErrors.Field(prefix, "author"), text.Author, emailRequired: true);
        Person(errors, ValidationErrors.Field(prefix, "director"), text.Director, emailRequired: false);
    }

    private static void Risks(ValidationErrors errors, string prefix, RiskRegisters? risks)
    {
        if (risks is null)
        {
            return;
        }

        RiskList(errors, ValidationErrors.Field(prefix, "ifNotTaken"), risks.IfNotTaken, mitigationRequired: false);
        RiskList(errors, ValidationErrors.Field(prefix, "ifTaken"), risks.IfTaken, mitigationRequired: true);
    }

    private static void RiskList(ValidationErrors errors, string field, IReadOnlyList<Risk>? risks, bool mitigationRequired)
    {
        if (risks is null)
        {
            return;
        }

        if (risks.Count > 50)
        {
            errors.Add(field, $"has {risks.Count} risks; at most 50 are allowed.");
        }

        for (int i = 0; i < risks.Count; i++)
        {
            string item = $"{field}[{i}]";
            if (risks[i] is null)
            {
                errors.Add(item, "is required.");
                continue;
            }

            errors.RequiredText(ValidationErrors.Field(item, "description"), risks[i].Description, 5_000);
            if (mitigationRequired)
            {
                errors.RequiredText(ValidationErrors.Field(item, "mitigation"), risks[i].Mitigation, 5_000);
            }
            else
            {
                errors.Text(ValidationErrors.Field(item, "mitigation"), risks[i].Mitigation, 5_000);
            }
        }
    }

    private static void Person(ValidationErrors errors, string prefix, Person? person, bool emailRequired)
    {
        if (person is null)
        {
            errors.Add(prefix, "is required.");
            return;
        }

        errors.RequiredText(ValidationErrors.Field(prefix, "name"), person.Name, 200);
        errors.Text(ValidationErrors.Field(prefix, "role"), person.Role, 200);
        errors.Email(ValidationErrors.Field(prefix, "email"), person.Email, emailRequired);
    }

    public static void Paragraphs(ValidationErrors errors, string field, IReadOnlyList<Paragraph>? paragraphs)
    {
        if (paragraphs is null)
        {
            return;
        }

        if (paragraphs.Count > MaxParagraphs)
        {
            errors.Add(field, $"has {paragraphs.Count} paragraphs; at most {MaxParagraphs} are allowed.");
        }

        for (int i = 0; i < paragraphs.Count; i++)
        {
            string item = $"{field}[{i}]";
            if (paragraphs[i] is null)
            {
                errors.Add(item, "is required.");
                continue;
            }

            errors.RequiredText(ValidationErrors.Field(item, "text"), paragraphs[i].Text, ValidationErrors.MaxLongText);
            errors.TextList(ValidationErrors.Field(item, "items"), paragraphs[i].Items, 50, 10_000);
        }
    }
}
