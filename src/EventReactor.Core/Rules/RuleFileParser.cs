using EventReactor.Core.Actions;
using EventReactor.Core.Diagnostics;
using EventReactor.Core.Expressions;
using EventReactor.Core.Tags;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;
using static EventReactor.Core.Rules.RuleYamlReader;

namespace EventReactor.Core.Rules;

/// <summary>
/// Parses one rule file into rules, collecting every problem it can find as <c>file:line:column: message</c>
/// rather than stopping at the first.
/// </summary>
public sealed class RuleFileParser(ActionCatalog catalog)
{
    private static readonly string[] FileKeys = ["rules", "vars"];
    private static readonly string[] RuleKeys = ["name", "description", "on", "when", "enabled", "stop", "throttle", "retry", "do"];

    public IReadOnlyList<Rule> Parse(string file, string text, ICollection<RuleDiagnostic> diagnostics)
    {
        var root = LoadRoot(file, text, diagnostics);
        if (root is null)
        {
            return [];
        }

        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Add(Error(file, root, "a rule file is a mapping with a 'rules' list"));
            return [];
        }

        var vars = ReadVars(file, mapping, diagnostics);
        var rules = new List<Rule>();
        foreach (var (key, value) in mapping.Children)
        {
            var name = ((key as YamlScalarNode)?.Value) ?? string.Empty;
            if (!FileKeys.Contains(name))
            {
                diagnostics.Add(Error(file, key, $"unknown key '{name}'; a rule file has {string.Join(" and ", FileKeys.Select(k => $"'{k}'"))}"));
            }
            else if (name == "rules")
            {
                if (value is not YamlSequenceNode list)
                {
                    diagnostics.Add(Error(file, value, "'rules' must be a list of rules"));
                    continue;
                }

                foreach (var item in list.Children)
                {
                    var rule = ParseRule(file, item, vars, diagnostics);
                    if (rule is not null)
                    {
                        rules.Add(rule);
                    }
                }
            }
        }

        return rules;
    }

    private static YamlNode? LoadRoot(string file, string text, ICollection<RuleDiagnostic> diagnostics)
    {
        var stream = new YamlStream();
        var scanner = new Scanner(new StringReader(text));
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (YamlException ex)
        {
            var error = ex.InnerException as YamlException ?? ex;
            var hint = FlowTemplateHint.For(text, error.Start.Line);
            diagnostics.Add(new RuleDiagnostic(At(file, error.Start), hint is null ? $"YAML: {error.Message}" : $"YAML: {error.Message.TrimEnd('.')}; {hint}"));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way on some malformed flow collections; report where it stopped.
            var hint = FlowTemplateHint.For(text, scanner.CurrentPosition.Line) ?? "is a '[', '{' or quote left open?";
            diagnostics.Add(new RuleDiagnostic(At(file, scanner.CurrentPosition), $"YAML: cannot read this; {hint}"));
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            diagnostics.Add(Error(file, stream.Documents[1].RootNode, "a rule file holds one YAML document; found a second '---'"));
        }

        var root = stream.Documents.FirstOrDefault()?.RootNode;
        return root is YamlScalarNode { Value: null or "" } ? null : root;
    }

    private static IReadOnlyDictionary<string, object?> ReadVars(string file, YamlMappingNode root, ICollection<RuleDiagnostic> diagnostics)
    {
        if (!root.Children.TryGetValue(new YamlScalarNode("vars"), out var node))
        {
            return new Dictionary<string, object?>();
        }

        if (node is not YamlMappingNode)
        {
            diagnostics.Add(Error(file, node, "'vars' must be a mapping of names to values"));
            return new Dictionary<string, object?>();
        }

        return (Dictionary<string, object?>)YamlScalars.ToPlain(node)!;
    }

    private Rule? ParseRule(string file, YamlNode node, IReadOnlyDictionary<string, object?> vars, ICollection<RuleDiagnostic> diagnostics)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Add(Error(file, node, "a rule is a mapping with 'name', 'on' and 'do'"));
            return null;
        }

        var before = diagnostics.Count;
        string? name = null;
        string? description = null;
        List<TagGlob>? on = null;
        CelExpression? when = null;
        List<RuleAction>? actions = null;
        var enabled = true;
        var stop = false;
        ThrottlePolicy? throttle = null;
        var retry = RetryPolicy.None;
        foreach (var (keyNode, value) in mapping.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            try
            {
                switch (key)
                {
                    case "name":
                        name = RequireString(file, value, "'name'");
                        break;
                    case "description":
                        description = RequireString(file, value, "'description'");
                        break;
                    case "on":
                        on = ParseGlobs(file, value);
                        break;
                    case "when":
                        when = CelCompiler.Compile(RequireString(file, value, "'when'"), ContentStart(file, value));
                        break;
                    case "enabled":
                        enabled = RequireBool(file, value, "'enabled'");
                        break;
                    case "stop":
                        stop = RequireBool(file, value, "'stop'");
                        break;
                    case "throttle":
                        throttle = ParseThrottle(file, value);
                        break;
                    case "retry":
                        retry = ParseRetry(file, value);
                        break;
                    case "do":
                        actions = ParseActions(file, value, diagnostics);
                        break;
                    default:
                        diagnostics.Add(Error(file, keyNode, $"unknown key '{key}' in a rule; expected one of {string.Join(", ", RuleKeys)}"));
                        break;
                }
            }
            catch (RuleSyntaxException ex)
            {
                diagnostics.Add(ex.Diagnostic);
            }
        }

        Require(name is not null, "'name'");
        Require(on is not null, "'on' (a tag glob or a list of them)");
        Require(actions is not null, "'do' (a list of actions)");
        if (diagnostics.Count > before)
        {
            return null;
        }

        return new Rule
        {
            Name = name!,
            Location = Location(file, mapping),
            On = on!,
            When = when,
            Actions = actions!,
            Description = description,
            Enabled = enabled,
            Stop = stop,
            Throttle = throttle,
            Retry = retry,
            Vars = vars,
        };

        void Require(bool present, string what)
        {
            if (!present)
            {
                diagnostics.Add(Error(file, mapping, $"rule{(name is null ? string.Empty : $" '{name}'")} needs {what}"));
            }
        }
    }

    private static List<TagGlob> ParseGlobs(string file, YamlNode node)
    {
        var items = node is YamlSequenceNode list ? list.Children : [node];
        if (items.Count == 0)
        {
            throw new RuleSyntaxException(Error(file, node, "'on' needs at least one tag glob"));
        }

        return items.Select(item => TagGlob.Parse(RequireString(file, item, "a tag glob in 'on'"))).ToList();
    }

    private List<RuleAction> ParseActions(string file, YamlNode node, ICollection<RuleDiagnostic> diagnostics)
    {
        if (node is not YamlSequenceNode list || list.Children.Count == 0)
        {
            throw new RuleSyntaxException(Error(file, node, "'do' must be a non-empty list of actions, e.g. '- log: { message: hi }'"));
        }

        var actions = new List<RuleAction>();
        foreach (var item in list.Children)
        {
            try
            {
                actions.Add(ParseAction(file, item, diagnostics));
            }
            catch (RuleSyntaxException ex)
            {
                diagnostics.Add(ex.Diagnostic);
            }
        }

        return actions;
    }

    private RuleAction ParseAction(string file, YamlNode node, ICollection<RuleDiagnostic> diagnostics)
    {
        // An action is '- name: { args }', optionally with 'retry:' beside the name.
        var entries = (node as YamlMappingNode)?.Children
            .Where(entry => (entry.Key as YamlScalarNode)?.Value != "retry")
            .ToList();
        if (entries is not { Count: 1 })
        {
            throw new RuleSyntaxException(Error(file, node, "an action is a mapping with one key, the action's name, e.g. '- log: { message: hi }' (and optionally 'retry:')"));
        }

        var mapping = (YamlMappingNode)node;
        var (nameNode, argumentsNode) = entries[0];
        var name = RequireString(file, nameNode, "an action name");
        var schema = catalog.Find(name)
            ?? throw new RuleSyntaxException(Error(file, nameNode, $"unknown action '{name}'; known actions: {string.Join(", ", catalog.Names)}"));
        RetryPolicy? retry = null;
        if (mapping.Children.TryGetValue(new YamlScalarNode("retry"), out var retryNode))
        {
            retry = ParseRetry(file, retryNode);
        }

        var arguments = new List<KeyValuePair<string, ValueTemplate>>();
        var given = new HashSet<string>(StringComparer.Ordinal);
        if (argumentsNode is YamlMappingNode argumentMap)
        {
            foreach (var (argumentKey, argumentValue) in argumentMap.Children)
            {
                given.Add((argumentKey as YamlScalarNode)?.Value ?? string.Empty);
                try
                {
                    var argumentName = RequireString(file, argumentKey, "an argument name");
                    var argument = schema.Find(argumentName)
                        ?? throw new RuleSyntaxException(Error(file, argumentKey, $"unknown argument '{argumentName}' for action '{name}'; it takes {Describe(schema)}"));
                    var template = ParseValue(file, argumentValue);
                    CheckKind(file, name, argument, template);
                    arguments.Add(new(argumentName, template));
                }
                catch (RuleSyntaxException ex)
                {
                    diagnostics.Add(ex.Diagnostic);
                }
            }
        }
        else if (argumentsNode is not YamlScalarNode { Value: null or "" })
        {
            throw new RuleSyntaxException(Error(file, argumentsNode, $"the arguments of '{name}' must be a mapping, e.g. '{name}: {{ ... }}'"));
        }

        foreach (var missing in schema.Arguments.Where(a => a.Required && !given.Contains(a.Name)))
        {
            diagnostics.Add(Error(file, nameNode, $"action '{name}' needs argument '{missing.Name}' ({missing.Description})"));
        }

        return new RuleAction(name, Location(file, nameNode), arguments) { Retry = retry };
    }

    private static void CheckKind(string file, string action, ActionArgument argument, ValueTemplate template)
    {
        var kind = template.StaticKind;
        var fits = argument.Kind == ArgumentKind.Any || kind == ArgumentKind.Any || kind == argument.Kind
            || (argument.Kind == ArgumentKind.Number && kind == ArgumentKind.Integer)
            || (template is LiteralTemplate { Value: null } && !argument.Required);
        if (!fits)
        {
            throw new RuleSyntaxException(new RuleDiagnostic(template.Location, $"argument '{argument.Name}' of '{action}' must be {Article(argument.Kind)}, not {Article(kind)}"));
        }
    }

    private static string Describe(ActionSchema schema) =>
        schema.Arguments.Count == 0 ? "no arguments" : string.Join(", ", schema.Arguments.Select(a => a.Required ? a.Name : $"{a.Name}?"));

    private static string Article(ArgumentKind kind) => kind switch
    {
        ArgumentKind.String => "a string",
        ArgumentKind.Integer => "an integer",
        ArgumentKind.Number => "a number",
        ArgumentKind.Boolean => "true or false",
        ArgumentKind.Map => "a mapping",
        ArgumentKind.List => "a list",
        _ => "any value",
    };
}
