namespace FactFunctions.Http;

/// <summary>Marks a route that a signed link may open (papers page, paper content and HTML, calendar feed), for the OpenAPI document.</summary>
public sealed record SignedLinkAccess;
