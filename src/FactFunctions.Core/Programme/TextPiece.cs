namespace FactFunctions.Programme;

public sealed record TextPiece(string Text, bool Bold) : InlinePiece;
