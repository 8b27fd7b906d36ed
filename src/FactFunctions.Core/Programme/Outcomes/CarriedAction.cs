namespace FactFunctions.Programme.Outcomes;

/// <summary>An action carried to a paper: the board and meeting that recorded it, the action, and whether it is overdue.</summary>
public sealed record CarriedAction(string Board, DateOnly Meeting, MeetingAction Action, bool Overdue);
