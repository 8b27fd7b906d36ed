namespace FactFunctions.Http;

/// <summary>
/// The health answer: <c>healthy</c> (200), <c>starting</c> (503: the host is still doing what <see cref="WaitingFor"/>
/// names) or <c>unhealthy</c> (503: storage does not answer).
/// </summary>
public sealed record HealthReport(string Status, string Storage, string Version)
{
    /// <summary>While starting: what the host is waiting for before it answers as a whole.</summary>
    public IReadOnlyList<string>? WaitingFor { get; init; }
}
