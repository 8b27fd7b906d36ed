using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;

namespace FactFunctions.Reports.Word;

/// <summary>
/// Builds the built-in templates in code: council styles (Arial, real Heading 1/2), numbering definitions for
/// continuously numbered paragraphs, lettered and bulleted lists, a table style, a footer with page numbers, and
/// content controls tagged with field names. Part ids are fixed so the same code always makes the same bytes.
/// </summary>
internal sealed class DocumentBuilder(string title)
{
    public const string NumberedStyle = "FactNumbered";
    public const string LetteredStyle = "FactLettered";
    public const string BulletStyle = "FactBullet";
    public const string SectionStyle = "FactSection";
    public const string TableStyle = "FactTable";
    public const string TableHeadingStyle = "FactTableHeading";
    public const string TableTextStyle = "FactTableText";
    public const string CoverLabelStyle = "FactCoverLabel";

    private const int NumberedList = 1;
    private const int BulletList = 2;
    private const int SectionList = 3;

    private readonly Body body = new();
    private int nextControlId = 1;

    public List<OpenXmlElement> Elements { get; } = [];

    public WordParagraph Heading(int level, string text) => Styled($"Heading{level}", text);

    public WordParagraph Styled(string style, string text, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.AppendChild(new RunProperties(new Bold()));
        }

        run.AppendChild(new Text(text) { Space = SpaceProcessingModeValues.Preserve });
        return new WordParagraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), run);
    }

    public WordParagraph Plain(string text) => Styled("Normal", text);

    public WordParagraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>A run-level control inside a paragraph: a text field.</summary>
    public SdtRun TextControl(string tag, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.AppendChild(new RunProperties(new Bold()));
        }

        run.AppendChild(new Text($"«{tag}»"));
        return new SdtRun(Properties(tag), new SdtContentRun(run));
    }

    /// <summary>A paragraph made of text and text fields.</summary>
    public WordParagraph Line(string style, params object[] parts)
    {
        var paragraph = new WordParagraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        foreach (object part in parts)
        {
            paragraph.AppendChild(part switch
            {
                string text => new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }),
                OpenXmlElement element => element,
                _ => throw new ArgumentException("A line is made of strings and elements.", nameof(parts)),
            });
        }

        return paragraph;
    }

    /// <summary>A block-level control holding model paragraphs: one per entry in <paramref name="styles"/> (paragraph, then list item).</summary>
    public SdtBlock ParagraphsControl(string tag, params string[] styles) =>
        new(Properties(tag), new SdtContentBlock(styles.Select(style => Styled(style, $"«{tag}»")).ToArray()));

    public SdtBlock BlockControl(string tag, params OpenXmlElement[] content) => new(Properties(tag), new SdtContentBlock(content));

    public SdtRow RowControl(string tag, params OpenXmlElement[] rows) => new(Properties(tag), new SdtContentRow(rows));

    /// <summary>A table in the FACT style, the text's full width; header rows (marked so) repeat on every page.</summary>
    public static Table Table(int[] widths, TableRow header, params OpenXmlElement[] rows)
    {
        var table = new Table(
            new TableProperties(new TableStyle { Val = TableStyle }, new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
                new TableLook { Val = "04A0", FirstRow = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.AppendChild(header);
        foreach (var row in rows)
        {
            table.AppendChild(row);
        }

        return table;
    }

    public static TableRow HeaderRow(int[] widths, params string[] headings)
    {
        var row = new TableRow(new TableRowProperties(new TableHeader(), new CantSplit()));
        for (int i = 0; i < headings.Length; i++)
        {
            row.AppendChild(Cell(widths[i], new WordParagraph(
                new ParagraphProperties(new ParagraphStyleId { Val = TableHeadingStyle }),
                new Run(new Text(headings[i]) { Space = SpaceProcessingModeValues.Preserve }))));
        }

        return row;
    }

    public static TableRow Row(params TableCell[] cells)
    {
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        foreach (var cell in cells)
        {
            row.AppendChild(cell);
        }

        return row;
    }

    public static TableCell Cell(int width, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(new TableCellWidth
        {
            Type = TableWidthUnitValues.Dxa,
            Width = width
            .ToString(System.Globalization.CultureInfo.InvariantCulture)
        }));
        cell.Append(content);
        return cell;
    }

    public static TableCell SpanningCell(int width, int span, string fill, params OpenXmlElement[] content)
    {
        var cell = new TableCell(new TableCellProperties(
            new TableCellWidth { Type = TableWidthUnitValues.Dxa, Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            new GridSpan { Val = span },
            new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = fill }));
        cell.Append(content);
        return cell;
    }

    /// <summary>The table narrowed to the sum of its columns' widths and centred on the page.</summary>
    public static Table Centred(Table table)
    {
        int width = table.GetFirstChild<TableGrid>()!.Elements<GridColumn>().Sum(c => int.Parse(c.Width!.Value!, System.Globalization.CultureInfo.InvariantCulture));
        var tableWidth = table.GetFirstChild<TableProperties>()!.GetFirstChild<TableWidth>()!;
        tableWidth.Type = TableWidthUnitValues.Dxa;
        tableWidth.Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture);
        tableWidth.InsertAfterSelf(new TableJustification { Val = TableRowAlignmentValues.Center });
        return table;
    }

    /// <summary>Data text (made safe for XML) as a paragraph in <paramref name="style"/>, bold when asked.</summary>
    public static WordParagraph TextLine(string? text, string style = TableTextStyle, bool bold = false)
    {
        var run = new Run();
        if (bold)
        {
            run.AppendChild(new RunProperties(new Bold()));
        }

        TemplateFiller.AppendText(run, text);
        return new WordParagraph(new ParagraphProperties(new ParagraphStyleId { Val = style }), run);
    }

    public static WordParagraph CellLine(params OpenXmlElement[] parts)
    {
        var paragraph = new WordParagraph(new ParagraphProperties(new ParagraphStyleId { Val = TableTextStyle }));
        foreach (var part in parts)
        {
            paragraph.AppendChild(part);
        }

        return paragraph;
    }

    public DocumentBuilder Add(params OpenXmlElement[] elements)
    {
        Elements.AddRange(elements);
        return this;
    }

    private SdtProperties Properties(string tag) =>
        new(new SdtAlias { Val = tag }, new Tag { Val = tag }, new SdtId { Val = nextControlId++ });

    /// <summary>Writes the package: main document, styles, numbering, settings, footer; fixed relationship ids.</summary>
    public byte[] Save()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            main.AddNewPart<StyleDefinitionsPart>("rIdStyles").Styles = Styles();
            main.AddNewPart<NumberingDefinitionsPart>("rIdNumbering").Numbering = Numbering();
            main.AddNewPart<DocumentSettingsPart>("rIdSettings").Settings = new Settings(
                new Zoom { Percent = "100" },
                new DefaultTabStop { Val = 720 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
                new UpdateFieldsOnOpen { Val = false });
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(new WordParagraph(
                new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
                new Run(new Text("Page ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " PAGE " },
                new Run(new Text(" of ") { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField(new Run(new Text("1"))) { Instruction = " NUMPAGES " }));

            foreach (var element in Elements)
            {
                body.AppendChild(element);
            }

            body.AppendChild(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = "rIdFooter" },
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1134, Right = 1134, Bottom = 1134, Left = 1134, Header = 567, Footer = 567, Gutter = 0 }));
            main.Document = new Document(body);

            // A template is a document too: titled, authored and dated (fixed, so its bytes and version stay put).
            var core = document.AddCoreFilePropertiesPart();
            using var writer = new StreamWriter(core.GetStream(FileMode.Create), new System.Text.UTF8Encoding(false));
            writer.Write(
                "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>" +
                "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" " +
                "xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
                $"<dc:title>{System.Security.SecurityElement.Escape(title)}</dc:title><dc:creator>Wiltshire Council</dc:creator><dc:language>en-GB</dc:language>" +
                "<dcterms:created xsi:type=\"dcterms:W3CDTF\">2022-01-01T00:00:00Z</dcterms:created></cp:coreProperties>");
        }

        return DocxPackage.Normalise(stream.ToArray());
    }

    private static Styles Styles()
    {
        static RunProperties Font(int halfPoints, bool bold = false, bool italic = false)
        {
            var run = new RunProperties(new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" });
            if (bold)
            {
                run.AppendChild(new Bold());
            }

            if (italic)
            {
                run.AppendChild(new Italic());
            }

            run.AppendChild(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            run.AppendChild(new FontSizeComplexScript { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
            return run;
        }

        static Style ParagraphStyle(string id, string name, RunProperties run, ParagraphProperties? paragraph = null, int? outline = null, string basedOn = "Normal")
        {
            var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
            style.AppendChild(new StyleName { Val = name });
            if (id != "Normal")
            {
                style.AppendChild(new BasedOn { Val = basedOn });
                style.AppendChild(new NextParagraphStyle { Val = "Normal" });
            }

            style.AppendChild(new PrimaryStyle());
            var properties = paragraph ?? new ParagraphProperties();
            if (outline is { } level)
            {
                properties.AppendChild(new OutlineLevel { Val = level });
            }

            style.AppendChild(StyleParagraph(properties));
            style.AppendChild(StyleRun(run));
            return style;
        }

        static StyleParagraphProperties StyleParagraph(ParagraphProperties p) => new(p.ChildElements.Select(c => c.CloneNode(true)));

        static StyleRunProperties StyleRun(RunProperties r) => new(r.ChildElements.Select(c => c.CloneNode(true)));

        static ParagraphProperties Spacing(int before, int after, params OpenXmlElement[] more)
        {
            var p = new ParagraphProperties(more);
            p.AppendChild(new SpacingBetweenLines
            {
                Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
                After = after
                .ToString(System.Globalization.CultureInfo.InvariantCulture),
                Line = "264",
                LineRule = LineSpacingRuleValues.Auto
            });
            return p;
        }

        // Child order inside pPr matters to the schema: keepNext, numPr, spacing, ind, jc, outlineLvl.
        static ParagraphProperties Numbered(int numId, int level, int before, int after, int left, int hanging)
        {
            var p = new ParagraphProperties(
                new NumberingProperties(new NumberingLevelReference { Val = level }, new NumberingId { Val = numId }),
                new SpacingBetweenLines
                {
                    Before = before.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    After = after
                    .ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Line = "264",
                    LineRule = LineSpacingRuleValues.Auto
                },
                new Indentation
                {
                    Left = left.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Hanging = hanging
                    .ToString(System.Globalization.CultureInfo.InvariantCulture)
                });
            return p;
        }

        var tableStyle = new Style { Type = StyleValues.Table, StyleId = TableStyle };
        tableStyle.Append(
            new StyleName { Val = "FACT Table" },
            new BasedOn { Val = "TableNormal" },
            new PrimaryStyle(),
            new StyleParagraphProperties(new SpacingBetweenLines { Before = "40", After = "40" }),
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "808080" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "57", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })));

        var tableNormal = new Style { Type = StyleValues.Table, StyleId = "TableNormal", Default = true };
        tableNormal.Append(
            new StyleName { Val = "Normal Table" },
            new UIPriority { Val = 99 },
            new SemiHidden(),
            new StyleTableProperties(
                new TableIndentation { Width = 0, Type = TableWidthUnitValues.Dxa },
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 108, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 108, Type = TableWidthValues.Dxa })));

        var normal = ParagraphStyle("Normal", "Normal", Font(22), Spacing(0, 160));
        normal.Default = true;
        return new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", ComplexScript = "Arial", EastAsia = "Arial" },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "en-GB" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "160", Line = "264", LineRule = LineSpacingRuleValues.Auto }))),
            normal,
            ParagraphStyle("Title", "Title", Font(32, bold: true), Spacing(240, 240, new KeepNext())),
            ParagraphStyle("Heading1", "heading 1", Font(26, bold: true), Spacing(360, 120, new KeepNext(), new KeepLines()), outline: 0),
            ParagraphStyle("Heading2", "heading 2", Font(22, bold: true), Spacing(240, 120, new KeepNext(), new KeepLines()), outline: 1),
            ParagraphStyle("Heading3", "heading 3", Font(22, bold: true, italic: true), Spacing(200, 80, new KeepNext(), new KeepLines()), outline: 2),
            ParagraphStyle(SectionStyle, "FACT Section Heading", Font(24, bold: true), SectionNumbered(), outline: 0),
            ParagraphStyle(NumberedStyle, "FACT Numbered Paragraph", Font(22), Numbered(NumberedList, 0, 120, 40, 567, 567)),
            ParagraphStyle(LetteredStyle, "FACT Lettered Item", Font(22), Numbered(NumberedList, 1, 40, 40, 1134, 567)),
            ParagraphStyle(BulletStyle, "FACT Bullet", Font(22), Numbered(BulletList, 0, 40, 40, 720, 360)),
            ParagraphStyle(CoverLabelStyle, "FACT Cover Label", Font(24, bold: true), Spacing(240, 120, new KeepNext())),
            ParagraphStyle(TableHeadingStyle, "FACT Table Heading", Font(22, bold: true), Spacing(40, 40, new KeepNext())),
            ParagraphStyle(TableTextStyle, "FACT Table Text", Font(22), Spacing(40, 40)),
            tableNormal,
            tableStyle,
            new Style(
                new StyleName { Val = "Hyperlink" },
                new UIPriority { Val = 99 },
                new UnhideWhenUsed(),
                new StyleRunProperties(new Color { Val = "0563C1" }, new Underline { Val = UnderlineValues.Single }))
            { Type = StyleValues.Character, StyleId = "Hyperlink" });

        static ParagraphProperties SectionNumbered() => new(
            new KeepNext(),
            new NumberingProperties(new NumberingLevelReference { Val = 0 }, new NumberingId { Val = SectionList }),
            new SpacingBetweenLines { Before = "360", After = "120" },
            new Indentation { Left = "567", Hanging = "567" });
    }

    private static Numbering Numbering()
    {
        static Level Level(int index, NumberFormatValues format, string text, int left, int hanging, string? font = null)
        {
            var level = new Level(
                new StartNumberingValue { Val = 1 },
                new NumberingFormat { Val = format },
                new LevelText { Val = text },
                new LevelJustification { Val = LevelJustificationValues.Left },
                new PreviousParagraphProperties(new Indentation
                {
                    Left = left.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    Hanging = hanging.ToString(System.Globalization.CultureInfo.InvariantCulture)
                }))
            { LevelIndex = index };
            if (font is not null)
            {
                level.AppendChild(new NumberingSymbolRunProperties(new RunFonts { Ascii = font, HighAnsi = font, Hint = FontTypeHintValues.Default }));
            }

            return level;
        }

        var paragraphs = new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.Multilevel },
            Level(0, NumberFormatValues.Decimal, "%1.", 567, 567),
            Level(1, NumberFormatValues.LowerLetter, "%2.", 1134, 567))
        { AbstractNumberId = 0 };
        var bullets = new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            Level(0, NumberFormatValues.Bullet, "•", 720, 360, "Arial"))
        { AbstractNumberId = 1 };
        var sections = new AbstractNum(
            new MultiLevelType { Val = MultiLevelValues.SingleLevel },
            Level(0, NumberFormatValues.Decimal, "%1.", 567, 567))
        { AbstractNumberId = 2 };

        return new Numbering(
            paragraphs,
            bullets,
            sections,
            new NumberingInstance(new AbstractNumId { Val = 0 }) { NumberID = NumberedList },
            new NumberingInstance(new AbstractNumId { Val = 1 }) { NumberID = BulletList },
            new NumberingInstance(new AbstractNumId { Val = 2 }) { NumberID = SectionList });
    }
}
