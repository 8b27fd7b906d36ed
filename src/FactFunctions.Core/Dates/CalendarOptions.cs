namespace FactFunctions.Dates;

public sealed class CalendarOptions
{
    public const string Section = "Fact:Calendar";

    /// <summary>
    /// One-off changes on top of the rules, as proclaimed. Configuration adds to these; the defaults are the changes
    /// GOV.UK lists since 2019.
    /// </summary>
    public List<BankHolidayChange> Changes { get; set; } = [];

    public static readonly IReadOnlyList<BankHolidayChange> KnownChanges =
    [
        new() { Remove = new DateOnly(2020, 5, 4), Add = new DateOnly(2020, 5, 8), Reason = "Early May bank holiday moved for VE Day 75" },
        new() { Remove = new DateOnly(2022, 5, 30), Add = new DateOnly(2022, 6, 2), Reason = "Spring bank holiday moved for the Platinum Jubilee" },
        new() { Add = new DateOnly(2022, 6, 3), Reason = "Platinum Jubilee bank holiday" },
        new() { Add = new DateOnly(2022, 9, 19), Reason = "State Funeral of Queen Elizabeth II" },
        new() { Add = new DateOnly(2023, 5, 8), Reason = "Coronation of King Charles III" },
    ];
}
