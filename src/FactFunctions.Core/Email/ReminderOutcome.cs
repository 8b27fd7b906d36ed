namespace FactFunctions.Email;

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
