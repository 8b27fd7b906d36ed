using DocumentFormat.OpenXml.Packaging;

namespace FactFunctions.TestSupport;

/// <summary>What a screen reader announces and a document library lists of a paper or a deck: its title, author and creation date.</summary>
public static class DocumentProperties
{
    /// <summary>Each property missing, in words naming <paramref name="what"/> ("document", "deck").</summary>
    public static IEnumerable<string> Problems(OpenXmlPackage package, string what)
    {
        var properties = package.PackageProperties;
        if (string.IsNullOrWhiteSpace(properties.Title))
        {
            yield return $"The {what} has no title (docProps/core.xml dc:title).";
        }

        if (string.IsNullOrWhiteSpace(properties.Creator))
        {
            yield return $"The {what} has no author (dc:creator).";
        }

        if (properties.Created is null)
        {
            yield return $"The {what} has no creation date (dcterms:created).";
        }
    }
}
