using System.Text.Json;
using System.Text.Json.Serialization;

namespace FactFunctions.Programme;

/// <summary>Reads a block written as a string (a paragraph) or as an object; writes a plain paragraph back as a string.</summary>
public sealed class BlockJsonConverter : JsonConverter<Block>
{
    public override Block? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            return new Block { Text = reader.GetString() };
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A block is a string (a paragraph) or an object with a 'type'.");
        }

        var block = new Block();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            string name = reader.GetString() ?? string.Empty;
            reader.Read();
            bool isNull = reader.TokenType == JsonTokenType.Null;
            block = name switch
            {
                "type" => block with { Type = isNull ? BlockTypes.Paragraph : ReadString(ref reader) },
                "id" => block with { Id = isNull ? null : ReadString(ref reader) },
                "text" => block with { Text = isNull ? null : ReadString(ref reader) },
                "items" => block with { Items = isNull ? null : ReadStrings(ref reader) },
                "imageId" => block with { ImageId = isNull ? null : ReadString(ref reader) },
                "altText" => block with { AltText = isNull ? null : ReadString(ref reader) },
                "caption" => block with { Caption = isNull ? null : ReadString(ref reader) },
                "rows" => block with { Rows = isNull ? null : ReadRows(ref reader) },
                _ => throw new JsonException($"A block has no member '{name}'."),
            };
        }

        return block;
    }

    public override void Write(Utf8JsonWriter writer, Block value, JsonSerializerOptions options)
    {
        if (value.Type == BlockTypes.Paragraph && value.Id is null && (value.Items is null || value.Items.Count == 0))
        {
            writer.WriteStringValue(value.Text);
            return;
        }

        writer.WriteStartObject();
        if (value.Type != BlockTypes.Paragraph)
        {
            writer.WriteString("type", value.Type);
        }

        Optional(writer, "id", value.Id);
        Optional(writer, "text", value.Text);
        if (value.Items is { } items)
        {
            writer.WriteStartArray("items");
            foreach (string item in items)
            {
                writer.WriteStringValue(item);
            }

            writer.WriteEndArray();
        }

        Optional(writer, "imageId", value.ImageId);
        Optional(writer, "altText", value.AltText);
        Optional(writer, "caption", value.Caption);
        if (value.Rows is { } rows)
        {
            writer.WriteStartArray("rows");
            foreach (var row in rows)
            {
                writer.WriteStartArray();
                foreach (string cell in row)
                {
                    writer.WriteStringValue(cell);
                }

                writer.WriteEndArray();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    private static void Optional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
        {
            writer.WriteString(name, value);
        }
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

    private static List<IReadOnlyList<string>> ReadRows(ref Utf8JsonReader reader)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Expected an array of rows.");
        }

        var rows = new List<IReadOnlyList<string>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            rows.Add(ReadStrings(ref reader));
        }

        return rows;
    }
}
