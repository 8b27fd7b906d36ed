namespace FactFunctions.Programme;

/// <summary>
/// An import that started and has not completed: nothing may read the programme as a whole until it does.
/// <paramref name="ProgressAt"/> is when it last wrote a stage (or started): an import that has written nothing for
/// <see cref="ImportJournal.StallAfter"/> has stopped, and only then is sending it again the answer.
/// </summary>
public sealed record IncompleteImport(string Id, DateTimeOffset StartedAt, string Stage, int PlannedRecords, DateTimeOffset ProgressAt, bool Stopped = false)
{
    /// <summary>Whether the import has stopped (it failed and said so, or has written nothing for a while), as of <paramref name="now"/>.</summary>
    public bool IsStalled(DateTimeOffset now) => Stopped || now - ProgressAt > ImportJournal.StallAfter;
}
