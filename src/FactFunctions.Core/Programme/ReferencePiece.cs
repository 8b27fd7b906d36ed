using FactFunctions.Reports;

namespace FactFunctions.Programme;

public sealed record ReferencePiece(string BlockId) : InlinePiece;
