using System.Globalization;
using FactFunctions.Boards;
using FactFunctions.Email;
using FactFunctions.Programme;
using FactFunctions.Reports;
using Microsoft.Extensions.Options;

namespace FactFunctions.Reminders;

/// <summary>Decides which emails are due on a London day. Pure, so the rules are testable without storage.</summary>
public sealed class ReminderPlanner(ReminderCalendar calendar, IOptions<PaperOptions> reports)
{
    public const int DigestLookAheadDays = 42;

    public IReadOnlyList<PlannedEmail> Plan(DateOnly day, IReadOnlyList<Board> boards, IReadOnlyList<Meeting> meetings, ProgrammeState state,
        ProgrammeState? lastWeek, Func<string, string> papersUrl)
    {
        var planned = new List<PlannedEmail>();
        var projects = state.Projects.ToDictionary(p => p.Id, StringComparer.Ordinal);
        var byBoard = meetings.ToLookup(m => m.BoardId, StringComparer.Ordinal);
        foreach (var board in boards)
        {
            foreach (var meeting in byBoard[board.Id].Where(m => m.Date >= day))
            {
                var deadlines = calendar.Deadlines(board, meeting);
                foreach (var (offset, date) in calendar.ReminderDays(board, meeting).Where(r => r.Date == day))
                {
                    var concerns = Concerns(board, meeting, state, day)
                        .Select(m => (projects.TryGetValue(m.ProjectId, out var p) ? p.Name ?? p.Id : m.ProjectId, m))
                        .ToList();
                    string scope = $"{board.Id}/{meeting.Date:yyyy-MM-dd}";
                    foreach (var member in (board.Members ?? []).Where(m => MemberRoles.WritesPapers(m.Role) && m.Email is not null))
                    {
                        var message = EmailComposer.DeadlineReminder(board, meeting, deadlines, offset, member, concerns, papersUrl(board.Id));
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

    private static bool Overdue(MilestoneView m, DateOnly day) => MilestoneStatus.IsOverdue(m.Status, m.Window, day);

    /// <summary>
    /// Milestones aimed at the board, or for a meeting that asks for a paper the rows of that paper's Key milestones
    /// table (the same rule, as of the run's day), that are at risk, off track or overdue on <paramref name="day"/>.
    /// </summary>
    private IEnumerable<MilestoneView> Concerns(Board board, Meeting meeting, ProgrammeState state, DateOnly day)
    {
        var order = state.Projects.Select((p, i) => (p.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var rows = meeting.ReportKind is not null
            ? KeyMilestones.For(state, meeting.Date, day, reports.Value.MilestoneLookAheadMonths).SelectMany(g => g.Rows.Select(r => r.Milestone))
            : state.Milestones.Where(m => m.Board == board.Id);
        return rows
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
                lines.Add((m.ProjectId, $"{m.Activity} ({m.Due}) is now {MilestoneStatus.Words(m.Status)} (was {MilestoneStatus.Words(old.Status)})"));
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
