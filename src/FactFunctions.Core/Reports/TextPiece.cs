namespace FactFunctions.Reports;

public sealed record TextPiece(string Text, bool Bold) : InlinePiece;
