using System.Text.Json;
using System.Text.Json.Serialization;
using FactFunctions.Http;

namespace FactFunctions.Programme;

/// <summary>A numbered paragraph of a paper, optionally followed by a lettered or bulleted list.</summary>
[JsonConverter(typeof(ParagraphJsonConverter))]
public sealed record Paragraph
{
    public string? Text { get; init; }

    public IReadOnlyList<string>? Items { get; init; }

    public static implicit operator Paragraph(string text) => new() { Text = text };
}

/// <summary>Reads a paragraph written either as a plain string or as <c>{ "text": ..., "items": [...] }</c>.</summary>
public sealed class ParagraphJsonConverter : JsonConverter<Paragraph>
{
    public override Paragraph? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new Paragraph { Text = reader.GetString() };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A paragraph is a string or an object with 'text' and 'items'.");
        }

        string? text = null;
        List<string>? items = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            switch (name)
            {
                case "text":
                    text = reader.TokenType == JsonTokenType.Null ? null : ReadString(ref reader);
                    break;
                case "items":
                    items = reader.TokenType == JsonTokenType.Null ? null : ReadStrings(ref reader);
                    break;
                default:
                    throw new JsonException($"A paragraph has no member '{name}'.");
            }
        }

        return new Paragraph { Text = text, Items = items };
    }

    public override void Write(Utf8JsonWriter writer, Paragraph value, JsonSerializerOptions options)
    {
        if (value.Items is null || value.Items.Count == 0)
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartObject();
        writer.WriteString("text", value.Text);
        writer.WriteStartArray("items");
        foreach (string item in value.Items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static string ReadString(ref Utf8JsonReader reader) =>
        reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException("Expected a string.");

    private static List<string> ReadStrings(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of strings.");
        }

        var list = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            list.Add(ReadString(ref reader));
        }

        return list;
    }
}

public sealed record SchoolsForumText
{
    public IReadOnlyList<Paragraph>? Purpose { get; init; }

    public IReadOnlyList<Paragraph>? Background { get; init; }

    public IReadOnlyList<Paragraph>? Update { get; init; }

    public IReadOnlyList<Paragraph>? PriorityProjects { get; init; }

    public IReadOnlyList<Paragraph>? NextSteps { get; init; }
}

public sealed record PreviousReports
{
    public string? SelectCommittee { get; init; }

    public string? SchoolsForum { get; init; }
}

public sealed record Person
{
    public string? Name { get; init; }

    public string? Role { get; init; }

    public string? Email { get; init; }
}

public sealed record Risk
{
    public string? Description { get; init; }

    public string? Mitigation { get; init; }
}

/// <summary>The two registers every committee paper carries: risks if the decision is not taken, and if it is (with mitigations).</summary>
public sealed record RiskRegisters
{
    public IReadOnlyList<Risk>? IfNotTaken { get; init; }

    public IReadOnlyList<Risk>? IfTaken { get; init; }
}

/// <summary>The programme's standing text: everything in a paper that is not a project, milestone or indicator.</summary>
public sealed record ProgrammeText
{
    public string? Title { get; init; }

    public IReadOnlyList<Paragraph>? ExecutiveSummary { get; init; }

    public IReadOnlyList<Paragraph>? ReasonForProposal { get; init; }

    public IReadOnlyList<Paragraph>? Purpose { get; init; }

    public IReadOnlyList<string>? Principles { get; init; }

    public IReadOnlyList<string>? KindnessAndCare { get; init; }

    public IReadOnlyList<Paragraph>? Background { get; init; }

    public IReadOnlyList<Paragraph>? Governance { get; init; }

    public RiskRegisters? Risks { get; init; }

    public IReadOnlyList<Paragraph>? Safeguarding { get; init; }

    public IReadOnlyList<Paragraph>? PublicHealth { get; init; }

    public IReadOnlyList<Paragraph>? Procurement { get; init; }

    public IReadOnlyList<Paragraph>? Equalities { get; init; }

    public IReadOnlyList<Paragraph>? Environmental { get; init; }

    public IReadOnlyList<Paragraph>? Financial { get; init; }

    public IReadOnlyList<Paragraph>? Legal { get; init; }

    public IReadOnlyList<Paragraph>? Options { get; init; }

    public IReadOnlyList<Paragraph>? Conclusion { get; init; }

    /// <summary>The wording specific to the Schools Forum paper.</summary>
    public SchoolsForumText? SchoolsForum { get; init; }

    public IReadOnlyList<string>? Achievements { get; init; }

    /// <summary>When each paper was last reported before this system existed ("March 2020"), for "since the last report".</summary>
    public PreviousReports? PreviousReports { get; init; }

    public IReadOnlyList<string>? BackgroundPapers { get; init; }

    public IReadOnlyList<string>? Appendices { get; init; }

    public Person? Author { get; init; }

    public Person? Director { get; init; }
}

/// <summary>The writable fields of a project (a "workstream" in 2020 papers, a "priority project" from 2022).</summary>
public record ProjectFields
{
    public string? Name { get; init; }

    public string? Workstream { get; init; }

    public string? Lead { get; init; }

    public string? Aim { get; init; }

    [OneOf(typeof(ProjectStatus))]
    public string? Status { get; init; }

    public int? Order { get; init; }
}

public record MilestoneFields
{
    public string? Activity { get; init; }

    /// <summary>The date as the paper prints it ("October – December 2022"); its window is derived.</summary>
    public string? Due { get; init; }

    [OneOf(typeof(MilestoneStatus))]
    public string? Status { get; init; }

    public string? Board { get; init; }

    public int? Order { get; init; }
}

public record UpdateFields
{
    public DateOnly? AsOf { get; init; }

    public IReadOnlyList<Paragraph>? Paragraphs { get; init; }

    [OneOf(typeof(Audience))]
    public string? Audience { get; init; }
}

public record IndicatorFields
{
    public string? Name { get; init; }

    /// <summary>The column group a paper prints above the indicator, e.g. "Permanent exclusion".</summary>
    public string? Category { get; init; }

    public string? Unit { get; init; }

    [OneOf(typeof(Polarity))]
    public string? Polarity { get; init; }

    public string? ProjectId { get; init; }

    public string? Source { get; init; }

    public int? Order { get; init; }
}

public record IndicatorValueFields
{
    public decimal? Value { get; init; }

    public int? Rank { get; init; }

    public int? OutOf { get; init; }

    public string? Band { get; init; }

    public string? Comparator { get; init; }

    public string? Note { get; init; }

    /// <summary>The figures alone, without what a derived record (period, ETag) adds.</summary>
    public IndicatorValueFields Figures() => new(this);
}

public static class ProjectStatus
{
    public static readonly IReadOnlyList<string> All = ["scoping", "active", "paused", "business-as-usual", "closed"];
}

public static class MilestoneStatus
{
    public const string Planned = "planned";
    public const string OnTrack = "on-track";
    public const string AtRisk = "at-risk";
    public const string OffTrack = "off-track";
    public const string Complete = "complete";
    public const string Cancelled = "cancelled";

    public static readonly IReadOnlyList<string> All = [Planned, OnTrack, AtRisk, OffTrack, Complete, Cancelled];

    public static bool IsClosed(string? status) => status is Complete or Cancelled;
}

public static class Audience
{
    public const string SelectCommittee = "select-committee";
    public const string SchoolsForum = "schools-forum";
    public const string Both = "both";

    public static readonly IReadOnlyList<string> All = [SelectCommittee, SchoolsForum, Both];

    public static bool Includes(string? audience, string paper) => audience == Both || audience == paper;
}

public static class Polarity
{
    public static readonly IReadOnlyList<string> All = ["lower-is-better", "higher-is-better"];
}
