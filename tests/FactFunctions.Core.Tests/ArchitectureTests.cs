using ArchUnitNET.Domain;
using ArchUnitNET.Loader;

namespace FactFunctions.Core.Tests;

/// <summary>
/// Feature folders depend one way (architecture.md, docs/development.md): each of Core's top-level namespaces sits on a
/// layer and uses only the layers below it. A cycle, or a dependency upwards or sideways, fails here naming the types
/// that make it. ArchUnitNET reads the types' real dependencies from the compiled assembly.
/// </summary>
public sealed class ArchitectureTests
{
    /// <summary>The layers, bottom first. A namespace may use its own layer's namespace and any below.</summary>
    public static readonly IReadOnlyList<string[]> Layers =
    [
        ["Dates", "Storage", "Links"],
        ["Validation"],
        ["Http"],
        ["Images", "Boards"],
        ["Programme", "Email"],
        ["Snapshots"],
        ["Reports"],
        ["Reminders"],
        ["Jobs", "Api"],
    ];

    private static readonly Architecture Core = new ArchLoader().LoadAssemblies(typeof(FactCoreServiceCollectionExtensions).Assembly).Build();

    /// <summary>
    /// A cycle between top-level folders, found in the graph of their dependencies (sub-namespaces such as
    /// Programme.Workbook count as their folder; ArchUnitNET's slice rule treats them as slices of their own).
    /// </summary>
    [Fact]
    public void Core_feature_folders_have_no_cycles()
    {
        var uses = Core.Types.Where(t => Feature(t) is not null)
            .SelectMany(t => t.Dependencies.Select(d => (From: Feature(t)!, To: Feature(d.Target), Type: t.FullName, Target: d.Target.FullName)))
            .Where(e => e.To is not null && e.To != e.From)
            .ToList();
        var graph = uses.GroupBy(e => e.From).ToDictionary(g => g.Key, g => g.Select(e => e.To!).Distinct().ToList(), StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        List<string>? Cycle(string node)
        {
            int at = path.IndexOf(node);
            if (at >= 0)
            {
                return [.. path[at..], node];
            }

            if (!done.Add(node))
            {
                return null;
            }

            path.Add(node);
            foreach (string next in graph.GetValueOrDefault(node) ?? [])
            {
                if (Cycle(next) is { } found)
                {
                    return found;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        foreach (string folder in graph.Keys.Order(StringComparer.Ordinal))
        {
            if (Cycle(folder) is { } cycle)
            {
                var why = cycle.Zip(cycle.Skip(1)).SelectMany(step => uses.Where(e => e.From == step.First && e.To == step.Second).Take(3)
                    .Select(e => $"  {e.From} -> {e.To}: {e.Type} uses {e.Target}"));
                Assert.Fail($"Cycle: {string.Join(" -> ", cycle)}\n{string.Join("\n", why.Distinct())}");
            }
        }
    }

    [Fact]
    public void Each_feature_folder_uses_only_the_layers_below_it()
    {
        var layerOf = Layers.SelectMany((names, layer) => names.Select(name => (name, layer))).ToDictionary(x => x.name, x => x.layer, StringComparer.Ordinal);
        var wrong = new List<string>();
        foreach (var type in Core.Types)
        {
            if (Feature(type) is not { } from)
            {
                continue;
            }

            Assert.True(layerOf.ContainsKey(from), $"The namespace FactFunctions.{from} ({type.FullName}) is on no layer of ArchitectureTests.Layers.");
            foreach (var target in type.Dependencies.Select(d => d.Target).Distinct())
            {
                if (Feature(target) is { } to && to != from && (!layerOf.TryGetValue(to, out int layer) || layer >= layerOf[from]))
                {
                    wrong.Add($"{from} -> {to}: {type.FullName} uses {target.FullName}");
                }
            }
        }

        Assert.True(wrong.Count == 0, "Dependencies against the layers:\n" + string.Join("\n", wrong.Distinct().Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_layer_check_sees_the_dependencies_it_judges()
    {
        // A check that saw no dependencies would pass anything: Reports does use Programme, and Api uses every feature.
        var reports = Core.Types.Where(t => Feature(t) == "Reports").SelectMany(t => t.Dependencies).Select(d => Feature(d.Target));
        var api = Core.Types.Where(t => Feature(t) == "Api").SelectMany(t => t.Dependencies).Select(d => Feature(d.Target)).ToHashSet();

        Assert.Contains("Programme", reports);
        Assert.Superset(new HashSet<string?> { "Programme", "Boards", "Reports", "Reminders", "Snapshots", "Images", "Http" }, api);
    }

    /// <summary>The feature folder of a type: the namespace segment after <c>FactFunctions.</c>; null for the root and other libraries.</summary>
    private static string? Feature(IType type)
    {
        string? ns = type.Namespace?.FullName;
        if (ns is null || !ns.StartsWith("FactFunctions.", StringComparison.Ordinal))
        {
            return null;
        }

        string rest = ns["FactFunctions.".Length..];
        int dot = rest.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? rest : rest[..dot];
    }
}
