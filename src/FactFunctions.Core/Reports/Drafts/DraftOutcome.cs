using FactFunctions.Programme;
using FactFunctions.Validation;

namespace FactFunctions.Reports.Drafts;

/// <summary>
/// What <see cref="DraftService"/> answers: a draft's file, an upload's result, or why not: the paper cannot be made
/// (<see cref="Failure"/>), the upload is refused (<see cref="Errors"/>, nothing written), or regions were changed by
/// someone else since the draft was made (<see cref="Conflicts"/>, nothing written).
/// </summary>
public sealed record DraftOutcome
{
    public byte[]? File { get; init; }

    public string? FileName { get; init; }

    public DraftResult? Result { get; init; }

    public PaperFailure Failure { get; init; }

    public IncompleteImport? Import { get; init; }

    public string? MissingImage { get; init; }

    public ValidationErrors? Errors { get; init; }

    /// <summary>True when the upload was refused for its size once expanded (413).</summary>
    public bool TooLarge { get; init; }

    public IReadOnlyList<string> Conflicts { get; init; } = [];

    public static DraftOutcome Invalid(string field, IEnumerable<string> problems, bool tooLarge = false)
    {
        var errors = new ValidationErrors();
        foreach (string problem in problems)
        {
            errors.Add(field, problem);
        }

        return new DraftOutcome { Errors = errors, TooLarge = tooLarge };
    }
}
