namespace FactFunctions.Programme;

public sealed record LinkPiece(string Label, Uri Target) : InlinePiece;
