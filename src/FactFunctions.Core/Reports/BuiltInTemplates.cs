using DocumentFormat.OpenXml;
using FactFunctions.Reports.Papers;
using FactFunctions.Reports.Word;
using T = FactFunctions.Reports.Papers.TemplateTags;

namespace FactFunctions.Reports;

/// <summary>
/// The built-in templates, made in code to look like the seed papers. A programme lead can download one, restyle it
/// in Word (the content controls survive) and upload it as an override.
/// </summary>
public static class BuiltInTemplates
{
    private static readonly IReadOnlyDictionary<string, Lazy<byte[]>> Cached = PaperDefinitions.All
        .ToDictionary(p => p.Kind, p => new Lazy<byte[]>(p.BuildTemplate), StringComparer.Ordinal);

    /// <summary>Builds the template afresh (the cached bytes come from here).</summary>
    internal static byte[] Build(string kind) => PaperDefinitions.Get(kind).BuildTemplate();

    /// <summary>The built-in template of a kind of paper; an unknown kind throws.</summary>
    public static byte[] For(string kind) => Cached.TryGetValue(kind, out var bytes)
        ? bytes.Value
        : throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown paper kind.");

    /// <summary>A version name that changes whenever the built-in template's bytes do.</summary>
    public static string Version(string kind) =>
        "builtin-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(For(kind)))[..12];

    /// <summary>The top of both papers: the council, the committee and the meeting date.</summary>
    internal static OpenXmlElement[] Masthead(DocumentBuilder b) =>
    [
        b.Styled("Title", "Wiltshire Council"),
        b.Line(DocumentBuilder.CoverLabelStyle, b.TextControl(T.CommitteeName)),
        b.Line("Normal", b.TextControl(T.MeetingDate)),
    ];
}
