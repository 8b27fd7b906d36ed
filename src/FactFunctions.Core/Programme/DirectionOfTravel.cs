namespace FactFunctions.Programme;

/// <summary>
/// Whether a project's reported status is better or worse than at the board's previous highlight report: the one rule
/// (Green above Amber above Red), told in a word and a symbol so that colour never carries it alone.
/// </summary>
public sealed record DirectionOfTravel(string Kind, string? Previous)
{
    public const string Improved = "improved";
    public const string Unchanged = "unchanged";
    public const string Worse = "worse";

    /// <summary>Not in the previous report (new, or reopened since).</summary>
    public const string New = "new";

    /// <summary>No previous report of this board to compare with.</summary>
    public const string First = "first";

    /// <summary>There was a previous report, but the programme it was made from is no longer kept.</summary>
    public const string Unavailable = "unavailable";

    /// <summary>One of the two had no open milestones, so no status to rank.</summary>
    public const string NotComparable = "not-comparable";

    /// <summary>The direction from the status reported last time (<paramref name="previous"/>, null when the project was not reported) to now.</summary>
    public static DirectionOfTravel Between(bool hadPreviousReport, ProjectRag? previous, ProjectRag now, bool previousKept = true)
    {
        if (!hadPreviousReport)
        {
            return new DirectionOfTravel(First, null);
        }

        if (!previousKept)
        {
            return new DirectionOfTravel(Unavailable, null);
        }

        if (previous is null)
        {
            return new DirectionOfTravel(New, null);
        }

        string? was = previous.Reported, @is = now.Reported;
        if (was == @is)
        {
            return new DirectionOfTravel(Unchanged, was);
        }

        if (was is null || @is is null)
        {
            return new DirectionOfTravel(NotComparable, was);
        }

        return new DirectionOfTravel(Rank(@is) > Rank(was) ? Improved : Worse, was);
    }

    /// <summary>"▲ Improved (was Amber)", "▼ Worse (was Green)", "► Unchanged (Amber)", "New since the last report".</summary>
    public string Words() => Kind switch
    {
        Improved => $"▲ Improved (was {Rag.Words(Previous)})",
        Worse => $"▼ Worse (was {Rag.Words(Previous)})",
        Unchanged => $"► Unchanged ({Rag.Words(Previous)} at the last report too)",
        New => "New since the last report",
        NotComparable => $"Not comparable (was {Rag.Words(Previous)})",
        First => "First report: none earlier to compare",
        Unavailable => "Not known: the last report's snapshot is no longer kept",
        _ => throw new InvalidOperationException($"Unknown direction '{Kind}'."),
    };

    private static int Rank(string rag) => rag switch
    {
        Rag.Red => 0,
        Rag.Amber => 1,
        Rag.Green => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(rag), rag, "Unknown RAG status."),
    };
}
