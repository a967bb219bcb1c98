using System.Globalization;

namespace EventReactor.Core.Expressions.Runtime;

/// <summary>
/// Recursive descent over CEL's grammar (precedence: <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>, relations and
/// <c>in</c>, <c>+ -</c>, <c>* / %</c>, unary <c>! -</c>, member access), expanding the macros as it goes.
/// </summary>
internal sealed class CelParser(List<CelToken> tokens)
{
    private const int MaxDepth = 250;

    private static readonly Dictionary<string, BinaryOperator> Relations = new(StringComparer.Ordinal)
    {
        ["=="] = BinaryOperator.Equal,
        ["!="] = BinaryOperator.NotEqual,
        ["<"] = BinaryOperator.Less,
        ["<="] = BinaryOperator.LessOrEqual,
        [">"] = BinaryOperator.Greater,
        [">="] = BinaryOperator.GreaterOrEqual,
    };

    private static readonly Dictionary<string, MacroKind> Macros = new(StringComparer.Ordinal)
    {
        ["exists"] = MacroKind.Exists,
        ["all"] = MacroKind.All,
        ["exists_one"] = MacroKind.ExistsOne,
        ["map"] = MacroKind.Map,
        ["filter"] = MacroKind.Filter,
    };

    private static readonly HashSet<string> Reserved = new(StringComparer.Ordinal)
    {
        "as", "break", "const", "continue", "else", "for", "function", "if", "import", "in", "let", "loop", "package", "namespace", "return", "var", "void", "while",
    };

    private readonly List<(string Name, int Slot)> _loopVariables = [];
    private int _position;
    private int _depth;

    public int SlotCount { get; private set; }

    public CelNode ParseAll()
    {
        var node = ParseExpression();
        if (Current.Kind != CelTokenKind.End)
        {
            throw new CelSyntaxError(Current.Offset, $"unexpected '{Current.Text}'");
        }

        return node;
    }

    private CelToken Current => tokens[_position];

    private CelNode ParseExpression()
    {
        if (++_depth > MaxDepth)
        {
            throw new CelSyntaxError(Current.Offset, "expression nests too deeply");
        }

        var condition = ParseOr();
        if (TakeSymbol("?"))
        {
            var whenTrue = ParseOr();
            ExpectSymbol(":");
            condition = new ConditionalNode(condition, whenTrue, ParseExpression());
        }

        _depth--;
        return condition;
    }

    private CelNode ParseOr()
    {
        var left = ParseAnd();
        while (TakeSymbol("||"))
        {
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private CelNode ParseAnd()
    {
        var left = ParseRelation();
        while (TakeSymbol("&&"))
        {
            left = new AndNode(left, ParseRelation());
        }

        return left;
    }

    private CelNode ParseRelation()
    {
        var left = ParseAdditive();
        while (true)
        {
            if (Current is { Kind: CelTokenKind.Symbol } symbol && Relations.TryGetValue(symbol.Text, out var op))
            {
                _position++;
                left = Fold(new CompareNode(op, left, ParseAdditive()));
            }
            else if (Current is { Kind: CelTokenKind.Identifier, Text: "in" })
            {
                _position++;
                left = new InNode(left, ParseAdditive());
            }
            else
            {
                return left;
            }
        }
    }

    private CelNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            if (TakeSymbol("+"))
            {
                left = Fold(new ArithmeticNode(BinaryOperator.Add, left, ParseMultiplicative()));
            }
            else if (TakeSymbol("-"))
            {
                left = Fold(new ArithmeticNode(BinaryOperator.Subtract, left, ParseMultiplicative()));
            }
            else
            {
                return left;
            }
        }
    }

    private CelNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            if (TakeSymbol("*"))
            {
                left = Fold(new ArithmeticNode(BinaryOperator.Multiply, left, ParseUnary()));
            }
            else if (TakeSymbol("/"))
            {
                left = Fold(new ArithmeticNode(BinaryOperator.Divide, left, ParseUnary()));
            }
            else if (TakeSymbol("%"))
            {
                left = Fold(new ArithmeticNode(BinaryOperator.Modulo, left, ParseUnary()));
            }
            else
            {
                return left;
            }
        }
    }

    private CelNode ParseUnary()
    {
        if (TakeSymbol("!"))
        {
            return new NotNode(ParseUnary());
        }

        if (TakeSymbol("-"))
        {
            // A minus straight before an int literal is part of the literal, so -9223372036854775808 is representable.
            if (Current.Kind == CelTokenKind.IntegerLiteral && !IsSymbolAt(_position + 1, ".") && !IsSymbolAt(_position + 1, "["))
            {
                var token = Current;
                _position++;
                return new LiteralNode(ToInteger("-" + (string)token.Value!, token.Offset));
            }

            return Fold(new NegateNode(ParseUnary()));
        }

        return ParseMember();
    }

    private CelNode ParseMember()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (TakeSymbol("."))
            {
                var nameToken = Current;
                var name = nameToken.Kind == CelTokenKind.QuotedIdentifier ? nameToken.Text : ExpectIdentifier();
                if (nameToken.Kind == CelTokenKind.QuotedIdentifier)
                {
                    _position++;
                    node = new SelectNode(node, name);
                    continue;
                }

                node = TakeSymbol("(") ? ParseMethod(node, name, nameToken.Offset)
                    : QualifiedType(node, name) ?? (node is IdentNode { Name: "event" } ident ? new EventFieldNode(ident, name) : (CelNode)new SelectNode(node, name));
            }
            else if (TakeSymbol("["))
            {
                var key = ParseExpression();
                ExpectSymbol("]");
                node = new IndexNode(node, key);
            }
            else if (Current is { Kind: CelTokenKind.Symbol, Text: "{" } && node is IdentNode or SelectNode)
            {
                throw new CelSyntaxError(Current.Offset, "message construction needs protobuf types, which rules do not have");
            }
            else
            {
                return node;
            }
        }
    }

    private CelNode ParsePrimary()
    {
        var token = Current;
        _position++;
        switch (token.Kind)
        {
            case CelTokenKind.Literal:
                return new LiteralNode(token.Value);
            case CelTokenKind.IntegerLiteral:
                return new LiteralNode(ToInteger((string)token.Value!, token.Offset));
            case CelTokenKind.Identifier when Reserved.Contains(token.Text):
                throw new CelSyntaxError(token.Offset, $"'{token.Text}' is a reserved word");
            case CelTokenKind.Identifier when TakeSymbol("("):
                return ParseGlobalCall(token.Text, token.Offset);
            case CelTokenKind.Identifier:
                return Identifier(token.Text);
            case CelTokenKind.Symbol when token.Text == "." && Current.Kind == CelTokenKind.Identifier:
                // A leading dot names the root scope; rules have no containers, so it is the plain name.
                return ParsePrimary();
            case CelTokenKind.Symbol when token.Text == "(":
                var inner = ParseExpression();
                ExpectSymbol(")");
                return inner;
            case CelTokenKind.Symbol when token.Text == "[":
                return FoldList(ParseList("]"));
            case CelTokenKind.Symbol when token.Text == "{":
                return ParseMap();
            default:
                throw new CelSyntaxError(token.Offset, "expected an expression");
        }
    }

    private List<CelNode> ParseList(string close)
    {
        var items = new List<CelNode>();
        while (!TakeSymbol(close))
        {
            items.Add(ParseExpression());
            if (!TakeSymbol(","))
            {
                ExpectSymbol(close);
                break;
            }
        }

        return items;
    }

    private MapNode ParseMap()
    {
        var entries = new List<(CelNode, CelNode)>();
        while (!TakeSymbol("}"))
        {
            var key = ParseExpression();
            ExpectSymbol(":");
            entries.Add((key, ParseExpression()));
            if (!TakeSymbol(","))
            {
                ExpectSymbol("}");
                break;
            }
        }

        return new MapNode([.. entries]);
    }

    private CelNode ParseGlobalCall(string name, int offset)
    {
        var arguments = ParseList(")");
        return (name, arguments.Count) switch
        {
            ("has", 1) => arguments[0] switch
            {
                SelectNode select => new HasNode(select.Target, select.Field),
                EventFieldNode field => new HasNode(field.Event, field.Field),
                _ => throw new CelSyntaxError(offset, "has() needs a field selection such as has(m.f)"),
            },
            ("has", _) => throw new CelSyntaxError(offset, "has() takes one argument"),
            ("size", 1) => new SizeNode(arguments[0]),
            _ => new CallNode(name, null, [.. arguments]),
        };
    }

    private CelNode ParseMethod(CelNode target, string name, int offset)
    {
        if (Macros.TryGetValue(name, out var macro) && Current.Kind == CelTokenKind.Identifier && IsSymbolAt(_position + 1, ","))
        {
            return ParseMacro(target, macro, offset);
        }

        var arguments = ParseList(")");
        return (name, arguments.Count) switch
        {
            ("size", 0) => new SizeNode(target),
            ("startsWith" or "endsWith" or "contains", 1) => new StringFunctionNode(name, target, arguments[0]),
            ("matches", 1) when arguments[0] is LiteralNode { Value: string pattern } => new MatchesNode(target, CompileRegex(pattern, offset)),
            _ => new CallNode(name, target, [.. arguments]),
        };
    }

    private MacroNode ParseMacro(CelNode range, MacroKind kind, int offset)
    {
        var variable = ExpectIdentifier();
        ExpectSymbol(",");
        var slot = SlotCount++;
        _loopVariables.Add((variable, slot));
        var first = ParseExpression();
        CelNode? second = null;
        if (TakeSymbol(","))
        {
            second = ParseExpression();
        }

        _loopVariables.RemoveAt(_loopVariables.Count - 1);
        ExpectSymbol(")");
        return (kind, second) switch
        {
            (MacroKind.Map, not null) => new MacroNode(kind, range, slot, second, first),
            (_, null) => new MacroNode(kind, range, slot, first, null),
            _ => throw new CelSyntaxError(offset, "this macro takes two arguments"),
        };
    }

    private CelNode Identifier(string name)
    {
        for (var i = _loopVariables.Count - 1; i >= 0; i--)
        {
            if (_loopVariables[i].Name == name)
            {
                return new SlotNode(_loopVariables[i].Slot);
            }
        }

        return new IdentNode(name);
    }

    // An operation on literals alone is worked out once, here; one that fails is left to fail when evaluated.
    private static CelNode Fold(CelNode node)
    {
        if (!node.HasOnlyLiteralOperands)
        {
            return node;
        }

        try
        {
            return new LiteralNode(node.Evaluate(CelContext.Constant));
        }
        catch (CelError)
        {
            return node;
        }
    }

    // A list of literals is one shared value, read-only so no consumer can change it for the next evaluation.
    private static CelNode FoldList(List<CelNode> items) =>
        items.TrueForAll(item => item is LiteralNode)
            ? new LiteralNode(items.Select(item => ((LiteralNode)item).Value).ToList().AsReadOnly())
            : new ListNode([.. items]);

    // google.protobuf.Timestamp and google.protobuf.Duration name the types of timestamps and durations.
    private static LiteralNode? QualifiedType(CelNode node, string name) =>
        node is SelectNode { Target: IdentNode { Name: "google" }, Field: "protobuf" } && name is "Timestamp" or "Duration"
            ? new LiteralNode(name == "Timestamp" ? CelType.Timestamp : CelType.Duration)
            : null;

    private static long ToInteger(string digits, int offset)
    {
        var negative = digits.StartsWith('-');
        var magnitude = negative ? digits[1..] : digits;
        if (ulong.TryParse(magnitude, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && (value <= long.MaxValue || (negative && value == 1UL << 63)))
        {
            return negative ? (long)(0 - value) : (long)value;
        }

        throw new CelSyntaxError(offset, "int literal out of range");
    }

    private static System.Text.RegularExpressions.Regex CompileRegex(string pattern, int offset)
    {
        try
        {
            return CallNode.CompileRegex(pattern);
        }
        catch (CelError error)
        {
            throw new CelSyntaxError(offset, error.Message);
        }
    }

    private bool IsSymbolAt(int position, string symbol) =>
        position < tokens.Count && tokens[position] is { Kind: CelTokenKind.Symbol } token && token.Text == symbol;

    private bool TakeSymbol(string symbol)
    {
        if (!IsSymbolAt(_position, symbol))
        {
            return false;
        }

        _position++;
        return true;
    }

    private void ExpectSymbol(string symbol)
    {
        if (!TakeSymbol(symbol))
        {
            throw new CelSyntaxError(Current.Offset, Current.Kind == CelTokenKind.End ? $"expected '{symbol}' before the end" : $"expected '{symbol}', not '{Current.Text}'");
        }
    }

    private string ExpectIdentifier()
    {
        var token = Current;
        if (token.Kind != CelTokenKind.Identifier)
        {
            throw new CelSyntaxError(token.Offset, "expected a name");
        }

        _position++;
        return token.Text;
    }
}
