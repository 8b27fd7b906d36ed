namespace FactFunctions.Reports.Publication;

/// <summary>Signed links to a paper (its HTML, its .docx) and to the papers page, all expiring at <see cref="Expires"/>.</summary>
public sealed record PaperLinks(Uri Html, Uri Content, Uri Papers, DateTimeOffset Expires);
