using System.Globalization;
using FactFunctions.Dates;
using FactFunctions.Http;
using FactFunctions.Links;
using FactFunctions.Programme;
using FactFunctions.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace FactFunctions.Reminders;

public sealed record PlannedEmail(ReminderLogEntry Entry, EmailMessage Message);

public sealed record ReminderOutcome
{
    public required string Kind { get; init; }

    public required string BoardId { get; init; }

    public string? Scope { get; init; }

    public string? Recipient { get; init; }

    public string? RecipientName { get; init; }

    public required string Subject { get; init; }

    /// <summary>would-send (dry run), sent, already-sent, in-progress (another run has it) or failed (released for the next run).</summary>
    public required string Status { get; init; }

    public string? Channel { get; init; }

    public string? MessageId { get; init; }

    public string? Error { get; init; }
}

public sealed record ReminderRun(DateOnly Day, bool DryRun, IReadOnlyList<ReminderOutcome> Emails);

/// <summary>Decides which emails are due on a London day. Pure, so the rules are testable without storage.</summary>
public sealed class ReminderPlanner(ReminderCalendar calendar)
{
    public const int DigestLookAheadDays = 42;

    public IReadOnlyList<PlannedEmail> Plan(DateOnly day, IReadOnlyList<Board> boards, IReadOnlyList<Meeting> meetings, ProgrammeState state, ProgrammeState? lastWeek, string papersUrl)
    {
        var planned = new List<PlannedEmail>();
        var projects = state.Projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var byBoard = meetings.ToLookup(m => m.BoardId, StringComparer.Ordinal);
        foreach (var board in boards)
        {
            foreach (var meeting in byBoard[board.Id].Where(m => m.Date >= day))
            {
                var deadline = calendar.PaperDeadline(board, meeting);
                foreach (var (offset, date) in calendar.ReminderDays(board, meeting).Where(r => r.Date == day))
                {
                    var concerns = Concerns(board, meeting, state, day)
                        .Select(m => (projects.TryGetValue(m.ProjectId, out var p) ? p.Name ?? p.Id : m.ProjectId, m))
                        .ToList();
                    string scope = $"{board.Id}/{meeting.Date:yyyy-MM-dd}";
                    foreach (var member in (board.Members ?? []).Where(m => MemberRoles.WritesPapers(m.Role) && m.Email is not null))
                    {
                        var message = EmailComposer.DeadlineReminder(board, meeting, deadline, offset, member, concerns, papersUrl);
                        planned.Add(EmailDelivery.Plan($"deadline-{offset}", board.Id, scope, day, member, message));
                    }
                }
            }

            if (board.Digest == DigestFrequencies.Weekly && day.DayOfWeek == DayOfWeek.Monday)
            {
                var groups = Digest(board, state, lastWeek, day);
                if (groups.Count > 0)
                {
                    var week = day.ToDateTime(TimeOnly.MinValue);
                    string scope = $"{board.Id}/{ISOWeek.GetYear(week)}-W{ISOWeek.GetWeekOfYear(week):00}";
                    foreach (var member in (board.Members ?? []).Where(m => m.Email is not null))
                    {
                        var message = EmailComposer.Digest(board, day, member, groups);
                        planned.Add(EmailDelivery.Plan("digest", board.Id, scope, day, member, message));
                    }
                }
            }
        }

        return planned;
    }

    private static bool Open(MilestoneView m) => !MilestoneStatus.IsClosed(m.Status);

    private static bool Overdue(MilestoneView m, DateOnly day) => Open(m) && m.Window.Latest < day;

    /// <summary>Milestones of the meeting's paper (or aimed at the board) that are at risk, off track or overdue on <paramref name="day"/>.</summary>
    private static IEnumerable<MilestoneView> Concerns(Board board, Meeting meeting, ProgrammeState state, DateOnly day)
    {
        var from = new DateOnly(meeting.Date.Year, meeting.Date.Month, 1).AddMonths(-1);
        var to = meeting.Date.AddMonths(24);
        var order = state.Projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        return state.Milestones
            .Where(m => meeting.ReportKind is not null ? m.Window.Overlaps(from, to) : m.Board == board.Id)
            .Where(m => m.Status is MilestoneStatus.AtRisk or MilestoneStatus.OffTrack || Overdue(m, day))
            .OrderBy(m => order.GetValueOrDefault(m.ProjectId, int.MaxValue)).ThenBy(m => m.Window.Earliest).ThenBy(m => m.Order)

            // The e-mail says "overdue" as of the run's day, not as of whenever the programme was read.
            .Select(m => m with { Overdue = Overdue(m, day) });
    }

    private static List<DigestGroup> Digest(Board board, ProgrammeState state, ProgrammeState? lastWeek, DateOnly day)
    {
        bool Relevant(MilestoneView m) => m.Board is null || m.Board == board.Id;
        var before = (lastWeek?.Milestones ?? []).ToDictionary(m => $"{m.ProjectId}|{m.Id}", StringComparer.Ordinal);
        var lines = new List<(string ProjectId, string Line)>();
        foreach (var m in state.Milestones.Where(Relevant).OrderBy(m => m.Window.Earliest).ThenBy(m => m.Order))
        {
            if (before.TryGetValue($"{m.ProjectId}|{m.Id}", out var old) && old.Status != m.Status)
            {
                lines.Add((m.ProjectId, $"{m.Activity} ({m.Due}) is now {SnapshotDiff.Words(m.Status)} (was {SnapshotDiff.Words(old.Status)})"));
            }
            else if (Overdue(m, day))
            {
                lines.Add((m.ProjectId, $"{m.Activity} ({m.Due}) is overdue"));
            }
            else if (Open(m) && m.Window.Overlaps(day, day.AddDays(DigestLookAheadDays - 1)))
            {
                lines.Add((m.ProjectId, $"{m.Activity} is due {m.Due}"));
            }
        }

        return state.Projects
            .Select(p => new DigestGroup(p.Name ?? p.Id, lines.Where(l => l.ProjectId == p.Id).Select(l => l.Line).ToList()))
            .Where(g => g.Lines.Count > 0)
            .ToList();
    }
}

/// <summary>Runs the reminders of a day: plan, then deliver each email once (<see cref="EmailDelivery"/>).</summary>
public sealed class ReminderService(
    BoardStore boards,
    ProgrammeStore programme,
    SnapshotStore snapshots,
    ReminderPlanner planner,
    EmailDelivery delivery,
    SignedLinks links)
{
    public async Task<ReminderRun> RunAsync(DateTimeOffset asOf, bool dryRun, CancellationToken ct)
    {
        var day = LondonTime.DateOf(asOf);
        var boardList = await boards.ListBoardsAsync(ct);
        var meetings = await boards.ListMeetingsAsync(null, ct);
        var state = await programme.ReadAllAsync(ct);
        var lastWeek = day.DayOfWeek == DayOfWeek.Monday ? (await snapshots.GetAsync(SnapshotStore.DailyId(day.AddDays(-7)), ct))?.State : null;
        var plan = planner.Plan(day, boardList, meetings, state, lastWeek, links.Absolute($"{Routes.BasePath}/{Routes.Papers}").ToString());
        return new ReminderRun(day, dryRun, dryRun ? plan.Select(p => EmailDelivery.Outcome(p, "would-send")).ToList() : await delivery.DeliverAsync(plan, ct));
    }
}
