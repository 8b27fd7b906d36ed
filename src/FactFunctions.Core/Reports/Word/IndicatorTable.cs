using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;
using FactFunctions.Programme;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Word;

/// <summary>Word elements for a project's outcomes: made in code because its columns depend on the data.</summary>
public static class IndicatorTable
{
    /// <summary>
    /// The outcomes table under a project, laid out like the seed's exclusions table: a header row of categories
    /// ("Permanent exclusion"), a row of indicator names ("Primary Schools"), and a row of the latest figure of each.
    /// </summary>
    public static IReadOnlyList<OpenXmlElement> For(IReadOnlyList<IndicatorView> indicators)
    {
        var shown = indicators.Where(i => i.Values?.Count > 0).ToList();
        if (shown.Count == 0)
        {
            return [];
        }

        const int total = 9638;
        int width = total / shown.Count;
        var widths = Enumerable.Repeat(width, shown.Count).ToArray();
        var headers = new List<TableRow>();
        if (shown.Any(i => !string.IsNullOrEmpty(i.Category)))
        {
            var categoryRow = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
            foreach (var group in Runs(shown, i => i.Category ?? string.Empty))
            {
                categoryRow.AppendChild(DocumentBuilder.SpanningCell(width * group.Count, group.Count, "D9E2F3", HeadingLine(group.Key)));
            }

            headers.Add(categoryRow);
        }

        var nameRow = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        foreach (var indicator in shown)
        {
            nameRow.AppendChild(DocumentBuilder.Cell(width, HeadingLine(indicator.Name)));
        }

        headers.Add(nameRow);
        var valueRow = new TableRow();
        foreach (var indicator in shown)
        {
            var latest = indicator.Values!.OrderBy(v => v.Period, StringComparer.Ordinal).Last();
            string figure = !string.IsNullOrWhiteSpace(latest.Note) ? latest.Note! : $"{latest.Period}: {IndicatorWording.Figure(latest)}";
            valueRow.AppendChild(DocumentBuilder.Cell(width, DocumentBuilder.TextLine(figure)));
        }

        var table = DocumentBuilder.Table(widths, headers[0], [.. headers.Skip(1), valueRow]);
        var source = string.Join("; ", shown.Select(i => i.Source).Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal));
        return source.Length == 0
            ? [table, new WordParagraph()]
            : [table, DocumentBuilder.TextLine($"Source: {source}", "Normal")];
    }

    private static WordParagraph HeadingLine(string? text) => DocumentBuilder.TextLine(text, DocumentBuilder.TableHeadingStyle);

    /// <summary>Consecutive items with the same key, in order (categories span adjacent columns only).</summary>
    private static IEnumerable<(string Key, int Count)> Runs<TItem>(IEnumerable<TItem> items, Func<TItem, string> key)
    {
        string? current = null;
        int count = 0;
        foreach (var item in items)
        {
            string k = key(item);
            if (count > 0 && k != current)
            {
                yield return (current!, count);
                count = 0;
            }

            current = k;
            count++;
        }

        if (count > 0)
        {
            yield return (current!, count);
        }
    }
}
