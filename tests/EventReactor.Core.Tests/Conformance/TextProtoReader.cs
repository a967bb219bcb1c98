using System.Globalization;
using System.Text;

namespace EventReactor.Core.Tests.Conformance;

/// <summary>Reads protobuf text format, enough of it for CEL's conformance files.</summary>
internal sealed class TextProtoReader(string text)
{
    private int _position;

    public static TextProtoMessage Parse(string text)
    {
        var reader = new TextProtoReader(text);
        var message = reader.ReadFields(null);
        return message;
    }

    private TextProtoMessage ReadFields(char? close)
    {
        var message = new TextProtoMessage();
        while (true)
        {
            SkipBlank();
            if (_position >= text.Length)
            {
                return close is null ? message : throw Fail("unexpected end");
            }

            if (close is { } end && text[_position] == end)
            {
                _position++;
                return message;
            }

            var name = ReadName();
            SkipBlank();
            var hasColon = Take(':');
            SkipBlank();
            if (hasColon && Take('['))
            {
                while (true)
                {
                    SkipBlank();
                    if (Take(']'))
                    {
                        break;
                    }

                    message.Fields.Add(new(name, ReadValue()));
                    SkipBlank();
                    Take(',');
                }
            }
            else
            {
                message.Fields.Add(new(name, ReadValue()));
            }

            SkipBlank();
            if (!Take(';'))
            {
                Take(',');
            }
        }
    }

    private string ReadName()
    {
        if (Take('['))
        {
            var end = text.IndexOf(']', _position);
            var name = text[_position..end];
            _position = end + 1;
            return "[" + name + "]";
        }

        return ReadWord();
    }

    private object ReadValue()
    {
        if (Take('{'))
        {
            return ReadFields('}');
        }

        if (Take('<'))
        {
            return ReadFields('>');
        }

        if (text[_position] is '"' or '\'')
        {
            var bytes = new List<byte>();
            while (_position < text.Length && text[_position] is '"' or '\'')
            {
                ReadString(bytes);
                SkipBlank();
            }

            return bytes.ToArray();
        }

        var sign = Take('-') ? "-" : string.Empty;
        SkipBlank();
        return sign + ReadWord();
    }

    private string ReadWord()
    {
        var start = _position;
        while (_position < text.Length && (char.IsAsciiLetterOrDigit(text[_position]) || text[_position] is '_' or '.' or '+' or '-'))
        {
            // A sign belongs to a number's exponent only.
            if (text[_position] is '+' or '-' && !(_position > start && text[_position - 1] is 'e' or 'E' && char.IsAsciiDigit(text[start])))
            {
                break;
            }

            _position++;
        }

        return start == _position ? throw Fail("expected a name or value") : text[start.._position];
    }

    private void ReadString(List<byte> bytes)
    {
        var quote = text[_position++];
        while (text[_position] != quote)
        {
            var c = text[_position++];
            if (c != '\\')
            {
                AddUtf8(bytes, c, ref _position);
                continue;
            }

            var escape = text[_position++];
            switch (escape)
            {
                case 'n': bytes.Add((byte)'\n'); break;
                case 't': bytes.Add((byte)'\t'); break;
                case 'r': bytes.Add((byte)'\r'); break;
                case 'a': bytes.Add(7); break;
                case 'b': bytes.Add(8); break;
                case 'f': bytes.Add(12); break;
                case 'v': bytes.Add(11); break;
                case 'x' or 'X':
                    var hexStart = _position;
                    while (_position < text.Length && _position - hexStart < 2 && char.IsAsciiHexDigit(text[_position]))
                    {
                        _position++;
                    }

                    bytes.Add(byte.Parse(text.AsSpan(hexStart, _position - hexStart), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                    break;
                case 'u' or 'U':
                    var length = escape == 'u' ? 4 : 8;
                    var code = int.Parse(text.AsSpan(_position, length), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    _position += length;
                    bytes.AddRange(Encoding.UTF8.GetBytes(char.ConvertFromUtf32(code)));
                    break;
                case >= '0' and <= '7':
                    var value = escape - '0';
                    for (var i = 0; i < 2 && text[_position] is >= '0' and <= '7'; i++)
                    {
                        value = (value * 8) + (text[_position++] - '0');
                    }

                    bytes.Add((byte)value);
                    break;
                default:
                    bytes.Add((byte)escape);
                    break;
            }
        }

        _position++;
    }

    private void AddUtf8(List<byte> bytes, char c, ref int position)
    {
        if (char.IsHighSurrogate(c))
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(new[] { c, text[position++] }));
        }
        else
        {
            bytes.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
        }
    }

    private void SkipBlank()
    {
        while (_position < text.Length)
        {
            if (char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
            else if (text[_position] == '#')
            {
                while (_position < text.Length && text[_position] != '\n')
                {
                    _position++;
                }
            }
            else
            {
                return;
            }
        }
    }

    private bool Take(char c)
    {
        if (_position < text.Length && text[_position] == c)
        {
            _position++;
            return true;
        }

        return false;
    }

    private FormatException Fail(string what) => new($"text proto: {what} at offset {_position}");
}
