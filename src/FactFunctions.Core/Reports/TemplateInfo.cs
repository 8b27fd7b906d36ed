namespace FactFunctions.Reports;

public sealed record TemplateInfo(string Kind, string Version, bool BuiltIn, long Size, string Sha256, DateTimeOffset? UploadedAt);
