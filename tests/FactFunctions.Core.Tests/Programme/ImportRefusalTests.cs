using FactFunctions.Http;
using FactFunctions.Programme;
using Microsoft.AspNetCore.Http.HttpResults;

namespace FactFunctions.Core.Tests.Programme;

public sealed class ImportRefusalTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 4, 10, 0, 0, TimeSpan.Zero);

    private static IncompleteImport Import(DateTimeOffset progressAt, bool stopped = false) => new("20261204-100000-abcd", Started, "milestones", 900, progressAt, stopped);

    [Fact]
    public void An_import_that_wrote_a_stage_within_the_stall_time_is_in_progress_with_retry_after()
    {
        var now = Started + TimeSpan.FromSeconds(90);
        var answer = Assert.IsType<RetryAfterResult>(ImportRefusal.For(Import(Started), now));
        Assert.IsType<RetryAfterResult>(ImportRefusal.For(Import(Started), Started + ImportJournal.StallAfter));

        Assert.Equal(ImportRefusal.RetryAfterSeconds, answer.Seconds);
        var problem = Assert.IsType<ProblemHttpResult>(answer.Inner).ProblemDetails;
        Assert.Equal(Problems.ImportInProgressType, problem.Type);
        Assert.Equal(409, problem.Status);
        Assert.Contains("Nothing needs sending again", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("last stage written: milestones, 90 seconds ago", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_silent_for_longer_than_the_stall_time_has_stopped_and_is_to_be_sent_again()
    {
        var now = Started + ImportJournal.StallAfter + TimeSpan.FromSeconds(1);
        var problem = Assert.IsType<ProblemHttpResult>(ImportRefusal.For(Import(Started), now)).ProblemDetails;

        Assert.Equal(Problems.ImportIncompleteType, problem.Type);
        Assert.Contains("Send that import again", problem.Detail, StringComparison.Ordinal);
        Assert.Contains("2 minutes ago", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void An_import_that_said_it_stopped_is_to_be_sent_again_at_once()
    {
        var problem = Assert.IsType<ProblemHttpResult>(ImportRefusal.For(Import(Started, stopped: true), Started)).ProblemDetails;

        Assert.Equal(Problems.ImportIncompleteType, problem.Type);
        Assert.Contains("just now", problem.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Progress_resets_the_stall_clock()
    {
        var later = Started + TimeSpan.FromMinutes(10);
        Assert.False(Import(later).IsStalled(later + ImportJournal.StallAfter));
        Assert.True(Import(later).IsStalled(later + ImportJournal.StallAfter + TimeSpan.FromTicks(1)));
    }
}
