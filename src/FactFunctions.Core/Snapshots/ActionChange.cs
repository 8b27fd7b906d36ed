namespace FactFunctions.Snapshots;

/// <summary>An action a board recorded that was added, done, dropped, reopened or removed between two snapshots.</summary>
public sealed record ActionChange(string Kind, string Board, DateOnly MeetingDate, string ActionId, string? Status, string Description);
