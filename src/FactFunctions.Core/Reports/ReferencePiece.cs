namespace FactFunctions.Reports;

public sealed record ReferencePiece(string BlockId) : InlinePiece;
