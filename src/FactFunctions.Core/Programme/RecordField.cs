using System.Globalization;
using Azure.Data.Tables;
using FactFunctions.Programme.Workbook;
using FactFunctions.Storage;
using FactFunctions.Validation;

namespace FactFunctions.Programme;

/// <summary>
/// One field of a stored record, described once: its name (in JSON, import and export, validation paths and the
/// workbook), its table column, its workbook column and its rule, and how to read it from and set it on the record's
/// writable fields (<typeparamref name="T"/>). Views and import documents derive from those fields, so setting a field
/// keeps their type, and copying one into another carries every field. Storage, snapshots, import and export, the
/// workbook and validation all go through a record's list of these (<see cref="MilestoneFields.Described"/>,
/// <see cref="ProjectFields.Described"/>): a new optional text field is a property and one line in that list.
/// </summary>
/// <remarks>A derived field (no <see cref="Set"/>) is shown in the workbook as read-only; it is never stored or read back.</remarks>
public sealed record RecordField<T>(string Name, string Header, double Width, Func<T, object?> Get)
    where T : class
{
    /// <summary>What the workbook cell holds, which also decides the stored type: a whole number is an integer column, absent as 0.</summary>
    public CellKind Kind { get; init; } = CellKind.Text;

    /// <summary>For a whole number: whether an absent one is stored and read as 0 (an order) rather than left absent (a rank).</summary>
    public bool ZeroWhenAbsent { get; init; } = true;

    /// <summary>For text: whether it may be longer than a table column holds (it is then stored across several, <see cref="EntityText"/>).</summary>
    public bool Long { get; init; }

    /// <summary>The values allowed, offered as a drop-down in the workbook.</summary>
    public IReadOnlyList<string>? Choices { get; init; }

    /// <summary>Sets the field on a copy of the record; null for a derived field.</summary>
    public Func<T, object?, T>? Set { get; init; }

    /// <summary>
    /// The field's rule, given the field's path and the record: by default free text of at most
    /// <see cref="ValidationErrors.MaxShortText"/> characters, one of <see cref="Choices"/> when given, a whole number from 0 to 100,000.
    /// </summary>
    public Action<ValidationErrors, string, T>? Rule { get; init; }

    public bool Derived => Set is null;

    /// <summary>The table column: the name with a capital letter.</summary>
    public string Column => char.ToUpperInvariant(Name[0]) + Name[1..];

    public WorkbookColumn WorkbookColumn => new(Header, Name, Width, Kind, ReadOnly: Derived) { Choices = Choices };

    public void Validate(ValidationErrors errors, string prefix, T record)
    {
        if (Derived)
        {
            return;
        }

        string field = ValidationErrors.Field(prefix, Name);
        if (Rule is not null)
        {
            Rule(errors, field, record);
        }
        else if (Kind == CellKind.WholeNumber)
        {
            errors.Range(field, (int?)Get(record), 0, 100_000);
        }
        else if (Kind == CellKind.Decimal)
        {
            return;
        }
        else if (Choices is not null)
        {
            errors.OneOf(field, (string?)Get(record), Choices, required: false);
        }
        else
        {
            errors.Text(field, (string?)Get(record));
        }
    }

    /// <summary>Writes the field into its column of <paramref name="entity"/>.</summary>
    public void Store(TableEntity entity, T record)
    {
        if (Derived)
        {
            return;
        }

        object? value = Get(record);
        switch (Kind)
        {
            case CellKind.WholeNumber:
                entity[Column] = ZeroWhenAbsent ? (int?)value ?? 0 : (int?)value;
                break;
            case CellKind.Decimal:
                // Tables have no decimal type: the figure travels as invariant text, exactly as typed.
                entity[Column] = ((decimal?)value)?.ToString(CultureInfo.InvariantCulture);
                break;
            case CellKind.Text or CellKind.Code or CellKind.Due when Long:
                EntityText.Set(entity, Column, (string?)value);
                break;
            case CellKind.Text or CellKind.Code or CellKind.Due:
                entity[Column] = (string?)value;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(record), Kind, "No column for this kind of field.");
        }
    }

    /// <summary>The record with the field read from its column of <paramref name="entity"/>.</summary>
    public T Load(T record, TableEntity entity) => Derived ? record : Set!(record, Kind switch
    {
        CellKind.WholeNumber => ZeroWhenAbsent ? entity.GetInt32(Column) ?? 0 : entity.GetInt32(Column),
        CellKind.Decimal => entity.GetString(Column) is { } text ? decimal.Parse(text, CultureInfo.InvariantCulture) : null,
        _ when Long => EntityText.Get(entity, Column),
        _ => entity.GetString(Column),
    });

    /// <summary>The field as text, for comparing two versions of a record (a whole number absent is 0, as stored).</summary>
    public string? Compared(T record) => Get(record) switch
    {
        null when Kind == CellKind.WholeNumber && ZeroWhenAbsent => "0",
        int number => number.ToString(CultureInfo.InvariantCulture),
        decimal figure => figure.ToString("0.############################", CultureInfo.InvariantCulture),
        var other => (string?)other,
    };
}
