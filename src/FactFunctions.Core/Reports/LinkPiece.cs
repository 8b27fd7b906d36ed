namespace FactFunctions.Reports;

public sealed record LinkPiece(string Label, Uri Target) : InlinePiece;
