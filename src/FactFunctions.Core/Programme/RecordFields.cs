using Azure.Data.Tables;
using FactFunctions.Validation;

namespace FactFunctions.Programme;

/// <summary>What a record's list of fields (<see cref="RecordField{T}"/>) does at once: store, load, validate and compare.</summary>
public static class RecordFields
{
    /// <summary>Writes every field into its column of <paramref name="entity"/>.</summary>
    public static TableEntity Store<T>(this IReadOnlyList<RecordField<T>> fields, TableEntity entity, T record)
        where T : class
    {
        foreach (var field in fields)
        {
            field.Store(entity, record);
        }

        return entity;
    }

    /// <summary><paramref name="record"/> with every field read from its column of <paramref name="entity"/>.</summary>
    public static T Load<T>(this IReadOnlyList<RecordField<T>> fields, T record, TableEntity entity)
        where T : class =>
        fields.Aggregate(record, (loaded, field) => field.Load(loaded, entity));

    /// <summary>Every field's rule, with field paths under <paramref name="prefix"/>.</summary>
    public static void Validate<T>(this IReadOnlyList<RecordField<T>> fields, ValidationErrors errors, string prefix, T record)
        where T : class
    {
        foreach (var field in fields)
        {
            field.Validate(errors, prefix, record);
        }
    }

    /// <summary>The stored fields as text, in order, for telling two versions of a record apart.</summary>
    public static IEnumerable<string?> Compared<T>(this IReadOnlyList<RecordField<T>> fields, T record)
        where T : class =>
        fields.Where(f => !f.Derived).Select(f => f.Compared(record));
}
