using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;

namespace FactFunctions.Reports.Slides;

/// <summary>
/// The built-in template of the verbal update's slides, made in code: a 16:9 deck with one master, a Title Slide layout
/// and a Title and Content layout, the council's colours and text a room can read (titles 36pt, body 24pt, nothing
/// under 18pt). A programme lead can download it, restyle the master and layouts in PowerPoint or Impress and upload it.
/// </summary>
public static class BuiltInDeck
{
    private const string Namespaces =
        "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
        "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
        "xmlns:p=\"http://schemas.openxmlformats.org/presentationml/2006/main\"";

    public const long SlideWidth = 12192000;
    public const long SlideHeight = 6858000;

    public static byte[] Build()
    {
        using var stream = new MemoryStream();
        using (var document = PresentationDocument.Create(stream, PresentationDocumentType.Presentation))
        {
            DeckProperties.Write(document, "Template for the FACT verbal update slides", "Wiltshire Council", new DateOnly(2023, 1, 1));
            var presentation = document.AddPresentationPart();
            var master = presentation.AddNewPart<SlideMasterPart>("rId1");
            var theme = presentation.AddNewPart<ThemePart>("rId2");
            Feed(theme, Theme);
            master.AddPart(theme, "rId3");
            var title = master.AddNewPart<SlideLayoutPart>("rId1");
            title.AddPart(master, "rId1");
            Feed(title, TitleLayout);
            var content = master.AddNewPart<SlideLayoutPart>("rId2");
            content.AddPart(master, "rId1");
            Feed(content, ContentLayout);
            Feed(master, Master);
            Feed(presentation.AddNewPart<PresentationPropertiesPart>("rId3"), $"<p:presentationPr {Namespaces}/>");
            Feed(presentation.AddNewPart<TableStylesPart>("rId4"),
                "<a:tblStyleLst xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" def=\"{5C22544A-7EE6-4342-B048-85BDC9FD1C3A}\"/>");
            Feed(presentation, $"""
                <p:presentation {Namespaces} saveSubsetFonts="1">
                  <p:sldMasterIdLst><p:sldMasterId id="2147483648" r:id="rId1"/></p:sldMasterIdLst>
                  <p:sldSz cx="{SlideWidth}" cy="{SlideHeight}"/>
                  <p:notesSz cx="6858000" cy="9144000"/>
                </p:presentation>
                """);
        }

        return Word.DocxPackage.Normalise(stream.ToArray());
    }

    private static void Feed(OpenXmlPart part, string xml)
    {
        using var data = new MemoryStream(Encoding.UTF8.GetBytes("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml));
        part.FeedData(data);
    }

    private const string GroupProperties =
        "<p:nvGrpSpPr><p:cNvPr id=\"1\" name=\"\"/><p:cNvGrpSpPr/><p:nvPr/></p:nvGrpSpPr>" +
        "<p:grpSpPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"0\" cy=\"0\"/><a:chOff x=\"0\" y=\"0\"/><a:chExt cx=\"0\" cy=\"0\"/></a:xfrm></p:grpSpPr>";

    private static string Placeholder(int id, string name, string placeholder, string? position, string body) => $"""
        <p:sp><p:nvSpPr><p:cNvPr id="{id}" name="{name}"/><p:cNvSpPr><a:spLocks noGrp="1"/></p:cNvSpPr><p:nvPr>{placeholder}</p:nvPr></p:nvSpPr>
        <p:spPr>{position}</p:spPr>{body}</p:sp>
        """;

    private static string Position(long x, long y, long cx, long cy) =>
        $"<a:xfrm><a:off x=\"{x}\" y=\"{y}\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom>";

    private static string Text(string words, string bodyProperties = "<a:bodyPr/>", string listStyle = "<a:lstStyle/>") =>
        $"<p:txBody>{bodyProperties}{listStyle}<a:p><a:r><a:rPr lang=\"en-GB\"/><a:t>{words}</a:t></a:r></a:p></p:txBody>";

    private static string Level(int level, long margin, long indent, int size, string bullet) =>
        $"<a:lvl{level}pPr marL=\"{margin}\" indent=\"{indent}\" algn=\"l\" rtl=\"0\"><a:spcBef><a:spcPts val=\"600\"/></a:spcBef>{bullet}" +
        $"<a:defRPr sz=\"{size}\" kern=\"1200\"><a:solidFill><a:schemeClr val=\"tx1\"/></a:solidFill><a:latin typeface=\"+mn-lt\"/><a:ea typeface=\"+mn-ea\"/>" +
        $"<a:cs typeface=\"+mn-cs\"/></a:defRPr></a:lvl{level}pPr>";

    private const string Dot = "<a:buFont typeface=\"Arial\"/><a:buChar char=\"•\"/>";
    private const string Dash = "<a:buFont typeface=\"Arial\"/><a:buChar char=\"–\"/>";

    private static readonly string Master = $"""
        <p:sldMaster {Namespaces}>
          <p:cSld><p:bg><p:bgRef idx="1001"><a:schemeClr val="bg1"/></p:bgRef></p:bg><p:spTree>{GroupProperties}
          {Placeholder(2, "Title Placeholder 1", "<p:ph type=\"title\"/>", Position(609600, 304800, 10972800, 1066800),
              Text("Click to edit the title", "<a:bodyPr vert=\"horz\" anchor=\"b\"><a:normAutofit/></a:bodyPr>"))}
          {Placeholder(3, "Text Placeholder 2", "<p:ph type=\"body\" idx=\"1\"/>", Position(609600, 1524000, 10972800, 4648200),
              Text("Click to edit the text", "<a:bodyPr vert=\"horz\"><a:normAutofit/></a:bodyPr>"))}
          <p:sp><p:nvSpPr><p:cNvPr id="4" name="Band"/><p:cNvSpPr/><p:nvPr userDrawn="1"/></p:nvSpPr>
          <p:spPr>{Position(0, 6477000, SlideWidth, 381000)}<a:solidFill><a:schemeClr val="accent1"/></a:solidFill><a:ln><a:noFill/></a:ln></p:spPr></p:sp>
          </p:spTree></p:cSld>
          <p:clrMap bg1="lt1" tx1="dk1" bg2="lt2" tx2="dk2" accent1="accent1" accent2="accent2" accent3="accent3" accent4="accent4"
            accent5="accent5" accent6="accent6" hlink="hlink" folHlink="folHlink"/>
          <p:sldLayoutIdLst><p:sldLayoutId id="2147483649" r:id="rId1"/><p:sldLayoutId id="2147483650" r:id="rId2"/></p:sldLayoutIdLst>
          <p:txStyles>
            <p:titleStyle><a:lvl1pPr algn="l" rtl="0"><a:spcBef><a:spcPct val="0"/></a:spcBef><a:buNone/>
              <a:defRPr sz="3600" b="1" kern="1200"><a:solidFill><a:schemeClr val="tx2"/></a:solidFill><a:latin typeface="+mj-lt"/>
              <a:ea typeface="+mj-ea"/><a:cs typeface="+mj-cs"/></a:defRPr></a:lvl1pPr></p:titleStyle>
            <p:bodyStyle>{Level(1, 342900, -342900, 2400, Dot)}{Level(2, 742950, -285750, 2000, Dash)}{Level(3, 1143000, -228600, 1800, Dot)}</p:bodyStyle>
            <p:otherStyle><a:defPPr><a:defRPr lang="en-GB"/></a:defPPr></p:otherStyle>
          </p:txStyles>
        </p:sldMaster>
        """;

    private static readonly string TitleLayout = $"""
        <p:sldLayout {Namespaces} type="title" preserve="1">
          <p:cSld name="Title Slide"><p:spTree>{GroupProperties}
          {Placeholder(2, "Title 1", "<p:ph type=\"ctrTitle\"/>", Position(914400, 1524000, 10363200, 2133600),
              Text("Click to edit the title", "<a:bodyPr anchor=\"b\"><a:normAutofit/></a:bodyPr>",
                  "<a:lstStyle><a:lvl1pPr algn=\"l\"><a:defRPr sz=\"4400\"/></a:lvl1pPr></a:lstStyle>"))}
          {Placeholder(3, "Subtitle 2", "<p:ph type=\"subTitle\" idx=\"1\"/>", Position(914400, 3810000, 10363200, 2209800),
              Text("Click to edit the subtitle", "<a:bodyPr><a:normAutofit/></a:bodyPr>",
                  "<a:lstStyle><a:lvl1pPr marL=\"0\" indent=\"0\" algn=\"l\"><a:buNone/>" +
                  "<a:defRPr sz=\"2400\"><a:solidFill><a:schemeClr val=\"tx2\"/></a:solidFill></a:defRPr></a:lvl1pPr></a:lstStyle>"))}
          </p:spTree></p:cSld>
          <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>
        </p:sldLayout>
        """;

    private static readonly string ContentLayout = $"""
        <p:sldLayout {Namespaces} type="obj" preserve="1">
          <p:cSld name="Title and Content"><p:spTree>{GroupProperties}
          {Placeholder(2, "Title 1", "<p:ph type=\"title\"/>", null, Text("Click to edit the title"))}
          {Placeholder(3, "Content Placeholder 2", "<p:ph idx=\"1\"/>", null, Text("Click to edit the text"))}
          </p:spTree></p:cSld>
          <p:clrMapOvr><a:masterClrMapping/></p:clrMapOvr>
        </p:sldLayout>
        """;

    private static string Fill(string colour) => $"<a:solidFill><a:schemeClr val=\"{colour}\"/></a:solidFill>";

    private static readonly string Theme = $"""
        <a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="FACT">
          <a:themeElements>
            <a:clrScheme name="FACT">
              <a:dk1><a:srgbClr val="1A1A1A"/></a:dk1><a:lt1><a:srgbClr val="FFFFFF"/></a:lt1>
              <a:dk2><a:srgbClr val="1F3864"/></a:dk2><a:lt2><a:srgbClr val="EEF2F7"/></a:lt2>
              <a:accent1><a:srgbClr val="1F4E79"/></a:accent1><a:accent2><a:srgbClr val="2E7D32"/></a:accent2>
              <a:accent3><a:srgbClr val="B85C00"/></a:accent3><a:accent4><a:srgbClr val="5B2C6F"/></a:accent4>
              <a:accent5><a:srgbClr val="00695C"/></a:accent5><a:accent6><a:srgbClr val="8E1B1B"/></a:accent6>
              <a:hlink><a:srgbClr val="0B57D0"/></a:hlink><a:folHlink><a:srgbClr val="5B2C6F"/></a:folHlink>
            </a:clrScheme>
            <a:fontScheme name="FACT">
              <a:majorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:majorFont>
              <a:minorFont><a:latin typeface="Arial"/><a:ea typeface=""/><a:cs typeface=""/></a:minorFont>
            </a:fontScheme>
            <a:fmtScheme name="FACT">
              <a:fillStyleLst>{Fill("phClr")}{Fill("phClr")}{Fill("phClr")}</a:fillStyleLst>
              <a:lnStyleLst><a:ln w="9525">{Fill("phClr")}</a:ln><a:ln w="25400">{Fill("phClr")}</a:ln><a:ln w="38100">{Fill("phClr")}</a:ln></a:lnStyleLst>
              <a:effectStyleLst><a:effectStyle><a:effectLst/></a:effectStyle><a:effectStyle><a:effectLst/></a:effectStyle>
              <a:effectStyle><a:effectLst/></a:effectStyle></a:effectStyleLst>
              <a:bgFillStyleLst>{Fill("phClr")}{Fill("phClr")}{Fill("phClr")}</a:bgFillStyleLst>
            </a:fmtScheme>
          </a:themeElements>
        </a:theme>
        """;
}
