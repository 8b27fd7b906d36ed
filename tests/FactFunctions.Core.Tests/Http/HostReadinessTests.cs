using FactFunctions.Http;

namespace FactFunctions.Core.Tests.Http;

public sealed class HostReadinessTests
{
    [Fact]
    public async Task A_host_waiting_for_nothing_is_ready()
    {
        var readiness = new HostReadiness();

        Assert.True(readiness.IsReady);
        Assert.Empty(readiness.WaitingFor);
        await readiness.WhenReadyAsync(CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task It_is_ready_only_when_everything_it_waited_for_has_ended()
    {
        var readiness = new HostReadiness();
        readiness.Begin("the sample");
        readiness.Begin("the templates");
        var ready = readiness.WhenReadyAsync(CancellationToken.None);

        readiness.End("the sample");
        Assert.False(ready.IsCompleted);
        Assert.Equal(["the templates"], readiness.WaitingFor);

        readiness.End("the templates");
        await ready.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(readiness.IsReady);
    }

    [Fact]
    public void Ending_what_was_never_begun_changes_nothing()
    {
        var readiness = new HostReadiness();
        readiness.Begin("the sample");

        readiness.End("something else");

        Assert.Equal(["the sample"], readiness.WaitingFor);
    }
}
