namespace FactFunctions.Programme;

/// <summary>A piece of a paragraph's text: plain or bold text, a link, or a reference to another block's number.</summary>
public abstract record InlinePiece;
