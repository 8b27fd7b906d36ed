using System.ComponentModel.DataAnnotations;
using SendGrid.Helpers.Mail;

namespace FactFunctions.Email;

public sealed class ReminderOptions
{
    public const string Section = "Fact:Reminders";

    [Required(ErrorMessage = "Fact:Reminders:FromAddress is required.")]
    [EmailAddress(ErrorMessage = "Fact:Reminders:FromAddress must be an email address.")]
    public string FromAddress { get; set; } = "fact-programme@example.org";

    public string FromName { get; set; } = "FACT Programme";

    /// <summary>London wall-clock time from which the day's reminders and digests go out.</summary>
    public TimeOnly SendAt { get; set; } = new(7, 0);

    /// <summary>How far back the calendar feed shows meetings, so a meeting just held keeps its entry and its paper's link.</summary>
    [Range(0, 3_660, ErrorMessage = "Fact:Reminders:CalendarPastDays must be between 0 and 3660.")]
    public int CalendarPastDays { get; set; } = 92;

    /// <summary>A claim older than this whose sender never reported back is taken over by the next run.</summary>
    [Range(1, 1440, ErrorMessage = "Fact:Reminders:ClaimTimeoutMinutes must be between 1 and 1440.")]
    public int ClaimTimeoutMinutes { get; set; } = 15;
}
