using System.Text.RegularExpressions;

namespace EventReactor.Core.Expressions.Fast;

/// <summary>
/// Recursive descent over CEL's grammar (precedence: <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>, relations and
/// <c>in</c>, <c>+ -</c>, <c>* / %</c>, unary <c>! -</c>, member access). Only text the Cel package already
/// accepted arrives here; anything outside the subset raises <see cref="FastPathBailout"/>.
/// </summary>
internal sealed class FastParser(List<FastToken> tokens)
{
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

    private readonly List<(string Name, int Slot)> _loopVariables = [];
    private int _position;

    public int SlotCount { get; private set; }

    public FastNode ParseAll()
    {
        var node = ParseExpression();
        Expect(FastTokenKind.End);
        return node;
    }

    private FastToken Current => tokens[_position];

    private FastNode ParseExpression()
    {
        var condition = ParseOr();
        if (!TakeSymbol("?"))
        {
            return condition;
        }

        var whenTrue = ParseOr();
        ExpectSymbol(":");
        return new ConditionalNode(condition, whenTrue, ParseExpression());
    }

    private FastNode ParseOr()
    {
        var left = ParseAnd();
        while (TakeSymbol("||"))
        {
            left = new OrNode(left, ParseAnd());
        }

        return left;
    }

    private FastNode ParseAnd()
    {
        var left = ParseRelation();
        while (TakeSymbol("&&"))
        {
            left = new AndNode(left, ParseRelation());
        }

        return left;
    }

    private FastNode ParseRelation()
    {
        var left = ParseAdditive();
        while (true)
        {
            if (Current is { Kind: FastTokenKind.Symbol } symbol && Relations.TryGetValue(symbol.Text, out var op))
            {
                _position++;
                left = new CompareNode(op, left, ParseAdditive());
            }
            else if (Current is { Kind: FastTokenKind.Identifier, Text: "in" })
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

    private FastNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (true)
        {
            if (TakeSymbol("+"))
            {
                left = new ArithmeticNode(BinaryOperator.Add, left, ParseMultiplicative());
            }
            else if (TakeSymbol("-"))
            {
                left = new ArithmeticNode(BinaryOperator.Subtract, left, ParseMultiplicative());
            }
            else
            {
                return left;
            }
        }
    }

    private FastNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (true)
        {
            if (TakeSymbol("*"))
            {
                left = new ArithmeticNode(BinaryOperator.Multiply, left, ParseUnary());
            }
            else if (TakeSymbol("/"))
            {
                left = new ArithmeticNode(BinaryOperator.Divide, left, ParseUnary());
            }
            else if (TakeSymbol("%"))
            {
                left = new ArithmeticNode(BinaryOperator.Modulo, left, ParseUnary());
            }
            else
            {
                return left;
            }
        }
    }

    private FastNode ParseUnary()
    {
        if (TakeSymbol("!"))
        {
            return new NotNode(ParseUnary());
        }

        if (TakeSymbol("-"))
        {
            // A minus straight before an int literal is part of the literal, so -9223372036854775808 is representable.
            if (Current.Value is IntegerDigits digits && !IsSymbolAt(_position + 1, ".") && !IsSymbolAt(_position + 1, "["))
            {
                _position++;
                return new LiteralNode(ToInteger("-" + digits.Digits));
            }

            return new NegateNode(ParseUnary());
        }

        return ParseMember();
    }

    private FastNode ParseMember()
    {
        var node = ParsePrimary();
        while (true)
        {
            if (TakeSymbol("."))
            {
                var name = ExpectIdentifier();
                node = TakeSymbol("(") ? ParseMethod(node, name) : Select(node, name);
            }
            else if (TakeSymbol("["))
            {
                var key = ParseExpression();
                ExpectSymbol("]");
                node = new IndexNode(node, key);
            }
            else
            {
                return node;
            }
        }
    }

    private FastNode ParsePrimary()
    {
        var token = Current;
        _position++;
        switch (token.Kind)
        {
            case FastTokenKind.Literal:
                return new LiteralNode(token.Value is IntegerDigits digits ? ToInteger(digits.Digits) : token.Value);
            case FastTokenKind.Identifier when TakeSymbol("("):
                return ParseGlobalCall(token.Text);
            case FastTokenKind.Identifier:
                return Identifier(token.Text);
            case FastTokenKind.Symbol when token.Text == "(":
                var inner = ParseExpression();
                ExpectSymbol(")");
                return inner;
            case FastTokenKind.Symbol when token.Text == "[":
                var items = new List<FastNode>();
                while (!TakeSymbol("]"))
                {
                    items.Add(ParseExpression());
                    if (!TakeSymbol(","))
                    {
                        ExpectSymbol("]");
                        break;
                    }
                }

                return new ListNode([.. items]);
            default:
                return Unsupported();
        }
    }

    private FastNode ParseGlobalCall(string name)
    {
        var argument = ParseExpression();
        ExpectSymbol(")");
        return (name, argument) switch
        {
            ("has", SelectNode select) => new HasNode(select.Target, select.Field),
            ("has", EventFieldNode field) => new HasNode(new EventNode(), field.Field),
            ("size", _) => new SizeNode(argument),
            _ => Unsupported(),
        };
    }

    private FastNode ParseMethod(FastNode target, string name)
    {
        if (Macros.TryGetValue(name, out var macro))
        {
            return ParseMacro(target, macro);
        }

        if (name == "size")
        {
            ExpectSymbol(")");
            return new SizeNode(target);
        }

        var argument = ParseExpression();
        ExpectSymbol(")");
        return name switch
        {
            "startsWith" => new StringFunctionNode(StringFunction.StartsWith, target, argument),
            "endsWith" => new StringFunctionNode(StringFunction.EndsWith, target, argument),
            "contains" => new StringFunctionNode(StringFunction.Contains, target, argument),
            "matches" when argument is LiteralNode { Value: string pattern } => new MatchesNode(target, CompileRegex(pattern)),
            _ => Unsupported(),
        };
    }

    private FastNode ParseMacro(FastNode range, MacroKind kind)
    {
        var variable = ExpectIdentifier();
        ExpectSymbol(",");
        var slot = SlotCount++;
        _loopVariables.Add((variable, slot));
        var body = ParseExpression();
        _loopVariables.RemoveAt(_loopVariables.Count - 1);
        ExpectSymbol(")");
        return new MacroNode(kind, range, slot, body);
    }

    private FastNode Identifier(string name)
    {
        for (var i = _loopVariables.Count - 1; i >= 0; i--)
        {
            if (_loopVariables[i].Name == name)
            {
                return new SlotNode(_loopVariables[i].Slot);
            }
        }

        return name switch
        {
            "event" => new EventNode(),
            "vars" => new VarsNode(),
            _ => Unsupported(),
        };
    }

    private static FastNode Select(FastNode target, string field) =>
        target is EventNode ? new EventFieldNode(field) : new SelectNode(target, field);

    private static object ToInteger(string digits) =>
        long.TryParse(digits, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : FastPathBailout.Raise<object>();

    private static Regex CompileRegex(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant);
        }
        catch (ArgumentException)
        {
            return FastPathBailout.Raise<Regex>();
        }
    }

    private bool IsSymbolAt(int position, string symbol) =>
        position < tokens.Count && tokens[position] is { Kind: FastTokenKind.Symbol } token && token.Text == symbol;

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
            Unsupported();
        }
    }

    private void Expect(FastTokenKind kind)
    {
        if (Current.Kind != kind)
        {
            Unsupported();
        }
    }

    private string ExpectIdentifier()
    {
        var token = Current;
        if (token.Kind != FastTokenKind.Identifier)
        {
            return FastPathBailout.Raise<string>();
        }

        _position++;
        return token.Text;
    }

    private static FastNode Unsupported() => FastPathBailout.Raise<FastNode>();
}
