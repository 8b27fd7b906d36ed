namespace FactFunctions.Programme;

public sealed record ReferencePiece(string BlockId) : InlinePiece;
