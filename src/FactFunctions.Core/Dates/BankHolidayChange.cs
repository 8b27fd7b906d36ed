namespace FactFunctions.Dates;

/// <summary>A one-off change to the bank holidays of a year: a day added, a day removed, or (both) a day moved.</summary>
public sealed class BankHolidayChange
{
    public DateOnly? Add { get; set; }

    public DateOnly? Remove { get; set; }

    public string? Reason { get; set; }
}
