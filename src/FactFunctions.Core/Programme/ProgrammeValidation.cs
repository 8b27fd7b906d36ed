using FactFunctions.Dates;
using FactFunctions.Validation;

namespace FactFunctions.Programme;

/// <summary>Field rules for programme data, shared by the single-record routes and the whole-document import.</summary>
public static class ProgrammeValidation
{
    public const int MaxParagraphs = 200;

    public static void Project(ValidationErrors errors, string prefix, ProjectFields project)
    {
        ProjectFields.Described.Validate(errors, prefix, project);
    }

    /// <summary>Checks a milestone and returns the window of its due text when that text reads as a date.</summary>
    public static MilestoneWindow? Milestone(ValidationErrors errors, string prefix, MilestoneFields milestone)
    {
        MilestoneFields.Described.Validate(errors, prefix, milestone);
        Rebaselines(errors, ValidationErrors.Field(prefix, "rebaselines"), milestone.Rebaselines);

        return DueWindow(new ValidationErrors(), "due", milestone.Due);
    }

    /// <summary>The decisions an import restores (<see cref="BaselineDecision"/>): each a real decision, at most 50.</summary>
    private static void Rebaselines(ValidationErrors errors, string field, IReadOnlyList<BaselineDecision>? decisions)
    {
        if (decisions is null)
        {
            return;
        }

        if (decisions.Count > 50)
        {
            errors.Add(field, "has more than 50 decisions.");
            return;
        }

        for (int i = 0; i < decisions.Count; i++)
        {
            string at = $"{field}[{i}]";
            if (decisions[i] is not { } decision)
            {
                errors.Add(at, "is required.");
                continue;
            }

            DueWindow(errors, $"{at}.was", decision.Was);
            DueWindow(errors, $"{at}.baselineDue", decision.BaselineDue);
            errors.Slug($"{at}.board", decision.Board);
            errors.Text($"{at}.boardName", decision.BoardName, 200);
            errors.Date($"{at}.meetingDate", decision.MeetingDate);
            errors.RequiredText($"{at}.reason", decision.Reason, 1_000);
            errors.Text($"{at}.recordedBy", decision.RecordedBy, 200);
            errors.Date($"{at}.recordedAt", DateOnly.FromDateTime(decision.RecordedAt.UtcDateTime));
        }
    }

    /// <summary>A due date as people write it (<see cref="FuzzyDate"/>), within 2000–2099; its window, or null with the error added.</summary>
    internal static MilestoneWindow? DueWindow(ValidationErrors errors, string field, string? due)
    {
        var parsed = FuzzyDate.TryParse(due);
        if (parsed.Window is null)
        {
            errors.Add(field, parsed.Error!);
            return null;
        }

        errors.Text(field, due, 100);
        if (!InputDates.InRange(parsed.Window.Value.Earliest) || !InputDates.InRange(parsed.Window.Value.Latest))
        {
            errors.Add(field, $"must fall between 2000 and 2099; \"{due}\" is outside.");
            return null;
        }

        return parsed.Window;
    }

    public static void Update(ValidationErrors errors, string prefix, UpdateFields update)
    {
        errors.Required(ValidationErrors.Field(prefix, "asOf"), update.AsOf);
        errors.Date(ValidationErrors.Field(prefix, "asOf"), update.AsOf);
        errors.OneOf(ValidationErrors.Field(prefix, "audience"), update.Audience, Audience.All);
        string blocks = ValidationErrors.Field(prefix, update.Blocks is null && update.Paragraphs is not null ? "paragraphs" : "blocks");
        if (update.Blocks is not null && update.Paragraphs is not null)
        {
            errors.Add(blocks, "is given twice: send 'blocks' ('paragraphs' is its earlier name), not both.");
        }

        if (update.Content.Count == 0)
        {
            errors.Add(blocks, "needs at least one block.");
        }

        Paragraphs(errors, blocks, update.Content);
    }

    public static void Indicator(ValidationErrors errors, string prefix, IndicatorFields indicator)
    {
        IndicatorFields.Described.Validate(errors, prefix, indicator);
    }

    public static void IndicatorValue(ValidationErrors errors, string prefix, IndicatorValueFields value)
    {
        IndicatorValueFields.Described.Validate(errors, prefix, value);
    }

    public static void Period(ValidationErrors errors, string field, string? period)
    {
        if (!Ids.IsPeriod(period))
        {
            errors.Add(field, $"must be a year span like 2020-21 or a quarter like 2022-Q3 ({Ids.PeriodPattern}).");
        }
    }

    public static void Text(ValidationErrors errors, string prefix, ProgrammeText text)
    {
        errors.RequiredText(ValidationErrors.Field(prefix, "title"), text.Title, 300);
        errors.Range(ValidationErrors.Field(prefix, "scheduleToleranceMonths"), text.ScheduleToleranceMonths, 0, 60);
        Paragraphs(errors, ValidationErrors.Field(prefix, "executiveSummary"), text.ExecutiveSummary);
        Paragraphs(errors, ValidationErrors.Field(prefix, "reasonForProposal"), text.ReasonForProposal);
        Paragraphs(errors, ValidationErrors.Field(prefix, "purpose"), text.Purpose);
        errors.TextList(ValidationErrors.Field(prefix, "principles"), text.Principles, 50, 1_000);
        errors.TextList(ValidationErrors.Field(prefix, "kindnessAndCare"), text.KindnessAndCare, 50, 1_000);
        Paragraphs(errors, ValidationErrors.Field(prefix, "background"), text.Background);
        Paragraphs(errors, ValidationErrors.Field(prefix, "mainConsiderations"), text.MainConsiderations);
        for (int i = 0; i < (text.FreeSections?.Count ?? 0); i++)
        {
            string section = $"{ValidationErrors.Field(prefix, "freeSections")}[{i}]";
            var free = text.FreeSections![i];
            if (free is null)
            {
                errors.Add(section, "is required.");
                continue;
            }

            errors.Slug(ValidationErrors.Field(section, "id"), free.Id);
            if (free.After is not null)
            {
                errors.Slug(ValidationErrors.Field(section, "after"), free.After);
            }

            if (free.Blocks is null || free.Blocks.Count == 0)
            {
                errors.Add(ValidationErrors.Field(section, "blocks"), "needs at least one block.");
            }

            Paragraphs(errors, ValidationErrors.Field(section, "blocks"), free.Blocks);
        }

        Paragraphs(errors, ValidationErrors.Field(prefix, "governance"), text.Governance);
        Paragraphs(errors, ValidationErrors.Field(prefix, "safeguarding"), text.Safeguarding);
        Paragraphs(errors, ValidationErrors.Field(prefix, "publicHealth"), text.PublicHealth);
        Paragraphs(errors, ValidationErrors.Field(prefix, "procurement"), text.Procurement);
        Paragraphs(errors, ValidationErrors.Field(prefix, "equalities"), text.Equalities);
        Paragraphs(errors, ValidationErrors.Field(prefix, "environmental"), text.Environmental);
        Paragraphs(errors, ValidationErrors.Field(prefix, "financial"), text.Financial);
        Paragraphs(errors, ValidationErrors.Field(prefix, "legal"), text.Legal);
        Paragraphs(errors, ValidationErrors.Field(prefix, "options"), text.Options);
        Paragraphs(errors, ValidationErrors.Field(prefix, "conclusion"), text.Conclusion);
        errors.TextList(ValidationErrors.Field(prefix, "achievements"), text.Achievements, 100, 2_000);
        if (text.SchoolsForum is { } forum)
        {
            string f = ValidationErrors.Field(prefix, "schoolsForum");
            Paragraphs(errors, ValidationErrors.Field(f, "purpose"), forum.Purpose);
            Paragraphs(errors, ValidationErrors.Field(f, "background"), forum.Background);
            Paragraphs(errors, ValidationErrors.Field(f, "update"), forum.Update);
            Paragraphs(errors, ValidationErrors.Field(f, "priorityProjects"), forum.PriorityProjects);
            Paragraphs(errors, ValidationErrors.Field(f, "nextSteps"), forum.NextSteps);
        }

        if (text.PreviousReports is { } previous)
        {
            string f = ValidationErrors.Field(prefix, "previousReports");
            errors.Text(ValidationErrors.Field(f, "selectCommittee"), previous.SelectCommittee, 50);
            errors.Text(ValidationErrors.Field(f, "schoolsForum"), previous.SchoolsForum, 50);
        }
        errors.TextList(ValidationErrors.Field(prefix, "backgroundPapers"), text.BackgroundPapers, 50, 2_000);
        Paragraphs(errors, ValidationErrors.Field(prefix, "appendices"), text.Appendices);
        Risks(errors, ValidationErrors.Field(prefix, "risks"), text.Risks);
        Register(errors, ValidationErrors.Field(prefix, "riskRegister"), text.RiskRegister);
        EachRisk(errors, ValidationErrors.Field(prefix, "issueLog"), text.IssueLog, (item, issue) =>
        {
            errors.Slug(ValidationErrors.Field(item, "projectId"), issue.ProjectId);
            errors.RequiredText(ValidationErrors.Field(item, "description"), issue.Description, 5_000);
            errors.Date(ValidationErrors.Field(item, "raised"), issue.Raised);
            errors.Text(ValidationErrors.Field(item, "owner"), issue.Owner, 200);
            errors.Text(ValidationErrors.Field(item, "action"), issue.Action, 5_000);
            errors.OneOf(ValidationErrors.Field(item, "status"), issue.Status, IssueStatus.All);
        }, "issues");
        EachRisk(errors, ValidationErrors.Field(prefix, "benefits"), text.Benefits, (item, benefit) =>
        {
            errors.Slug(ValidationErrors.Field(item, "projectId"), benefit.ProjectId);
            errors.RequiredText(ValidationErrors.Field(item, "text"), benefit.Text, 1_000);
            var indicators = benefit.Indicators ?? [];
            if (indicators.Count > 20)
            {
                errors.Add(ValidationErrors.Field(item, "indicators"), "names more than 20 indicators.");
            }

            for (int i = 0; i < indicators.Count; i++)
            {
                errors.Slug($"{ValidationErrors.Field(item, "indicators")}[{i}]", indicators[i]);
            }
        }, "benefits");
        Paragraphs(errors, ValidationErrors.Field(prefix, "decisionsRequested"), text.DecisionsRequested);
        Person(errors, ValidationErrors.Field(prefix, "author"), text.Author, emailRequired: true);
        Person(errors, ValidationErrors.Field(prefix, "director"), text.Director, emailRequired: false);
    }

    private static void Risks(ValidationErrors errors, string prefix, RiskRegisters? risks)
    {
        if (risks is null)
        {
            return;
        }

        RiskList(errors, ValidationErrors.Field(prefix, "ifNotTaken"), risks.IfNotTaken, mitigationRequired: false);
        RiskList(errors, ValidationErrors.Field(prefix, "ifTaken"), risks.IfTaken, mitigationRequired: true);
    }

    private static void RiskList(ValidationErrors errors, string field, IReadOnlyList<Risk>? risks, bool mitigationRequired) =>
        EachRisk(errors, field, risks, (item, risk) =>
        {
            errors.RequiredText(ValidationErrors.Field(item, "description"), risk.Description, 5_000);
            if (mitigationRequired)
            {
                errors.RequiredText(ValidationErrors.Field(item, "mitigation"), risk.Mitigation, 5_000);
            }
            else
            {
                errors.Text(ValidationErrors.Field(item, "mitigation"), risk.Mitigation, 5_000);
            }
        });

    private static void Register(ValidationErrors errors, string field, IReadOnlyList<RegisterRisk>? risks) =>
        EachRisk(errors, field, risks, (item, risk) =>
        {
            errors.RequiredText(ValidationErrors.Field(item, "description"), risk.Description, 5_000);
            errors.OneOf(ValidationErrors.Field(item, "rating"), risk.Rating, RiskRating.All);
            errors.Text(ValidationErrors.Field(item, "owner"), risk.Owner, 200);
            errors.RequiredText(ValidationErrors.Field(item, "mitigation"), risk.Mitigation, 5_000);
        });

    /// <summary>
    /// A list of at most 50 risks (or issues, or benefits: <paramref name="noun"/>), each present and checked by
    /// <paramref name="check"/> under its field (<c>field[i]</c>).
    /// </summary>
    private static void EachRisk<TRisk>(ValidationErrors errors, string field, IReadOnlyList<TRisk>? risks, Action<string, TRisk> check, string noun = "risks")
        where TRisk : class
    {
        if (risks is null)
        {
            return;
        }

        if (risks.Count > 50)
        {
            errors.Add(field, $"has {risks.Count} {noun}; at most 50 are allowed.");
        }

        for (int i = 0; i < risks.Count; i++)
        {
            string item = $"{field}[{i}]";
            if (risks[i] is null)
            {
                errors.Add(item, "is required.");
                continue;
            }

            check(item, risks[i]);
        }
    }

    private static void Person(ValidationErrors errors, string prefix, Person? person, bool emailRequired)
    {
        if (person is null)
        {
            errors.Add(prefix, "is required.");
            return;
        }

        errors.RequiredText(ValidationErrors.Field(prefix, "name"), person.Name, 200);
        errors.Text(ValidationErrors.Field(prefix, "role"), person.Role, 200);
        errors.Email(ValidationErrors.Field(prefix, "email"), person.Email, emailRequired);
    }

    /// <summary>
    /// A list of blocks, each checked for its type: text for paragraphs and sub-headings, items for lists, an image id
    /// and alt text for images, a header row and rows of equal width for tables; ids are slugs. Errors name the block
    /// and its field (<c>updates[2].blocks[5].altText</c>).
    /// </summary>
    /// <summary>Every block of a programme document, with the field that holds it (for references and image checks).</summary>
    public static IEnumerable<(string Field, Block Block)> AllBlocks(ProgrammeDocument document)
    {
        var found = new List<(string, Block)>();
        if (document.Programme is { } text)
        {
            found.AddRange(TextBlocks(text, "programme"));
        }

        for (int i = 0; i < (document.Projects?.Count ?? 0); i++)
        {
            var project = document.Projects![i];
            for (int u = 0; u < (project?.Updates?.Count ?? 0); u++)
            {
                found.AddRange(Numbered($"projects[{i}].updates[{u}].blocks", project!.Updates![u]?.Content));
            }
        }

        return found;
    }

    /// <summary>Every block of the programme's standing text, each with its field under <paramref name="prefix"/>.</summary>
    public static IEnumerable<(string Field, Block Block)> TextBlocks(ProgrammeText text, string prefix = "")
    {
        var found = new List<(string, Block)>();
        foreach (var section in TextSections.All.Where(s => !s.Path.StartsWith("schoolsForum.", StringComparison.Ordinal)))
        {
            found.AddRange(Numbered(ValidationErrors.Field(prefix, section.Path), section.Get(text)));
        }

        for (int i = 0; i < (text.FreeSections?.Count ?? 0); i++)
        {
            found.AddRange(Numbered($"{ValidationErrors.Field(prefix, "freeSections")}[{i}].blocks", text.FreeSections![i]?.Blocks));
        }

        // The Schools Forum's sections hold blocks too: their images are loaded for papers, their ids and references checked.
        foreach (var section in TextSections.All.Where(s => s.Path.StartsWith("schoolsForum.", StringComparison.Ordinal)))
        {
            found.AddRange(Numbered(ValidationErrors.Field(prefix, section.Path), section.Get(text)));
        }

        return found;
    }

    /// <summary>The blocks of a list with their fields (<c>field[i]</c>), leaving out missing ones.</summary>
    public static IEnumerable<(string Field, Block Block)> Numbered(string field, IReadOnlyList<Block>? blocks) =>
        (blocks ?? []).Select((b, i) => ($"{field}[{i}]", b)).Where(x => x.b is not null);

    /// <summary>Block ids are unique in the document, and every <c>{ref:id}</c> names one of them.</summary>
    public static void References(ValidationErrors errors, ProgrammeDocument document)
    {
        var blocks = AllBlocks(document).ToList();
        var ids = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, block) in blocks.Where(b => b.Block.Id is not null))
        {
            if (!ids.TryAdd(block.Id!, field))
            {
                errors.Add(ValidationErrors.Field(field, "id"), $"'{block.Id}' is already the id of {ids[block.Id!]}.");
            }
        }

        foreach (var (field, block) in blocks)
        {
            foreach (string text in new[] { block.Text }.Concat(block.Items ?? []).OfType<string>())
            {
                foreach (string id in InlineText.References(text).Where(id => !ids.ContainsKey(id)))
                {
                    errors.Add(ValidationErrors.Field(field, "text"), $"refers to block '{id}', which no block of the programme has as its id.");
                }
            }
        }
    }

    public static void Paragraphs(ValidationErrors errors, string field, IReadOnlyList<Block>? blocks)
    {
        if (blocks is null)
        {
            return;
        }

        if (blocks.Count > MaxParagraphs)
        {
            errors.Add(field, $"has {blocks.Count} blocks; at most {MaxParagraphs} are allowed.");
        }

        for (int i = 0; i < blocks.Count; i++)
        {
            string item = $"{field}[{i}]";
            var block = blocks[i];
            if (block is null)
            {
                errors.Add(item, "is required.");
                continue;
            }

            errors.OneOf(ValidationErrors.Field(item, "type"), block.Type, BlockTypes.All);
            if (block.Id is not null)
            {
                errors.Slug(ValidationErrors.Field(item, "id"), block.Id);
            }

            switch (block.Type)
            {
                case BlockTypes.Paragraph:
                    errors.RequiredText(ValidationErrors.Field(item, "text"), block.Text, ValidationErrors.MaxLongText);
                    errors.TextList(ValidationErrors.Field(item, "items"), block.Items, 50, 10_000);
                    break;
                case BlockTypes.Text:
                    errors.RequiredText(ValidationErrors.Field(item, "text"), block.Text, ValidationErrors.MaxLongText);
                    break;
                case BlockTypes.Subheading:
                    errors.RequiredText(ValidationErrors.Field(item, "text"), block.Text, 300);
                    break;
                case BlockTypes.Lettered or BlockTypes.Bulleted:
                    if (block.Items is null || block.Items.Count == 0)
                    {
                        errors.Add(ValidationErrors.Field(item, "items"), "needs at least one item.");
                    }

                    errors.TextList(ValidationErrors.Field(item, "items"), block.Items, 50, 10_000);
                    break;
                case BlockTypes.Image:
                    errors.Slug(ValidationErrors.Field(item, "imageId"), block.ImageId);
                    errors.RequiredText(ValidationErrors.Field(item, "altText"), block.AltText, 500);
                    errors.Text(ValidationErrors.Field(item, "caption"), block.Caption, 300);
                    break;
                case BlockTypes.Table:
                    TableRows(errors, ValidationErrors.Field(item, "rows"), block.Rows);
                    break;
            }
        }
    }

    private static void TableRows(ValidationErrors errors, string field, IReadOnlyList<IReadOnlyList<string>>? rows)
    {
        if (rows is null || rows.Count < 2)
        {
            errors.Add(field, "needs a header row and at least one row under it.");
            return;
        }

        if (rows.Count > 60)
        {
            errors.Add(field, $"has {rows.Count} rows; a table in a paper has at most 60.");
        }

        int width = rows[0]?.Count ?? 0;
        if (width is < 1 or > 8)
        {
            errors.Add(field, "needs between 1 and 8 columns.");
        }

        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r] is null || rows[r].Count != width)
            {
                errors.Add($"{field}[{r}]", $"has {rows[r]?.Count ?? 0} cells; the header row has {width}.");
                continue;
            }

            errors.TextList($"{field}[{r}]", rows[r], 8, 2_000);
        }
    }
}
