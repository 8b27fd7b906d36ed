using System.Xml.Linq;

namespace FactFunctions.Reports.Slides;

/// <summary>The XML namespaces a deck's slides and charts are written and read in.</summary>
internal static class DeckXml
{
    public static readonly XNamespace A = "http://schemas.openxmlformats.org/drawingml/2006/main";
    public static readonly XNamespace P = "http://schemas.openxmlformats.org/presentationml/2006/main";
    public static readonly XNamespace R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    public static readonly XNamespace C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
}
