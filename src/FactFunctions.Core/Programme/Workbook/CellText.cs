using System.Globalization;
using System.Text.RegularExpressions;

namespace FactFunctions.Programme.Workbook;

/// <summary>
/// Text in a workbook cell as spreadsheet files write it: XML turns a raw carriage return into nothing, so a CR is
/// written <c>_x000D_</c> (as Excel does), and text that already looks like such an escape has its underscore escaped
/// (<c>_x005F_</c>). Reading decodes both, so Windows line breaks and such text survive a download and upload.
/// </summary>
public static partial class CellText
{
    public static string Encode(string text) => text.Contains('\r', StringComparison.Ordinal) || Escape().IsMatch(text)
        ? Escape().Replace(text, m => "_x005F" + m.Value).Replace("\r", "_x000D_", StringComparison.Ordinal)
        : text;

    public static string? Decode(string? text) => text is null || !text.Contains("_x", StringComparison.Ordinal)
        ? text
        : Escape().Replace(text, m => ((char)int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString());

    [GeneratedRegex("_x([0-9A-Fa-f]{4})_")]
    private static partial Regex Escape();
}
