using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Ciclo.Import;

/// <summary>
/// The characters of a text file, decoded strictly. Without a declared encoding a file is UTF-8
/// (a UTF-8 byte-order mark is skipped) or UTF-16 when a UTF-16 byte-order mark says so; a
/// byte-order mark wins over a declared encoding. Bytes
/// that are not valid in the encoding refuse the file, naming the line and the byte; so does a
/// NUL character (a binary file, or UTF-16 without a byte-order mark). Nothing is ever decoded
/// by guessing, so a Windows-1252 or Latin-1 file is never loaded as mojibake: it is refused
/// unless its encoding is declared.
/// </summary>
internal sealed class TextInput : IDisposable
{
    private const int ChunkBytes = 1 << 16;
    private readonly string _path;
    private readonly Stream _stream;
    private readonly Decoder? _decoder;
    private readonly byte[] _bytes = new byte[ChunkBytes];
    private int _byteCount;
    private char[] _chars = new char[ChunkBytes + 8];
    private int _charPos;
    private int _charCount;
    private bool _eof;
    private long _lines = 1;
    private long _lineStartByte;
    private long _bytesDone;

    public TextInput(string path, Encoding? declared)
    {
        _path = path;
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, ChunkBytes);
        Span<byte> bom = stackalloc byte[4];
        var n = _stream.ReadAtLeast(bom, 4, throwOnEndOfStream: false);
        bom = bom[..n];
        int skip;
        if (bom.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            (EncodingName, skip, _decoder) = ("UTF-8 BOM", 3, null);
        }
        else if (bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0, 0]) || bom.StartsWith((ReadOnlySpan<byte>)[0, 0, 0xFE, 0xFF]))
        {
            throw new FileRefusedException(path, "FileUtf32");
        }
        else if (bom.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            (EncodingName, skip, _decoder) = ("UTF-16 LE BOM", 2, new UnicodeEncoding(false, false, true).GetDecoder());
        }
        else if (bom.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            (EncodingName, skip, _decoder) = ("UTF-16 BE BOM", 2, new UnicodeEncoding(true, false, true).GetDecoder());
        }
        else if (declared is null or UTF8Encoding)
        {
            (EncodingName, skip, _decoder) = ("UTF-8", 0, null);
        }
        else
        {
            (EncodingName, skip, _decoder) = (declared.WebName, 0, declared.GetDecoder());
        }

        _stream.Position = skip;
        _bytesDone = skip;
        _lineStartByte = skip;
    }

    /// <summary>The encoding read: "UTF-8", "UTF-8 BOM", "UTF-16 LE BOM", "windows-1252", ...</summary>
    public string EncodingName { get; }

    public double Progress => _stream.Length == 0 ? 1 : (double)Math.Min(_stream.Position, _stream.Length) / _stream.Length;

    public int Read()
    {
        if (_charPos == _charCount && !Fill())
        {
            return -1;
        }

        return _chars[_charPos++];
    }

    public int Peek()
    {
        if (_charPos == _charCount && !Fill())
        {
            return -1;
        }

        return _chars[_charPos];
    }

    /// <summary>The next line without its end (LF, CRLF or CR); null at the end of the file.</summary>
    public string? ReadLine()
    {
        var c = Read();
        if (c == -1)
        {
            return null;
        }

        var line = new System.Text.StringBuilder();
        while (c != -1 && c != '\n' && c != '\r')
        {
            line.Append((char)c);
            c = Read();
        }

        if (c == '\r' && Peek() == '\n')
        {
            Read();
        }

        return line.ToString();
    }

    private bool Fill()
    {
        while (true)
        {
            if (_eof && _byteCount == 0)
            {
                return false;
            }

            if (!_eof)
            {
                var read = _stream.Read(_bytes, _byteCount, _bytes.Length - _byteCount);
                _eof = read == 0;
                _byteCount += read;
            }

            _charPos = 0;
            _charCount = _decoder is null ? DecodeUtf8() : DecodeOther();
            Track(_charCount);
            if (_charCount > 0)
            {
                return true;
            }
        }
    }

    private int DecodeUtf8()
    {
        var status = Utf8.ToUtf16(_bytes.AsSpan(0, _byteCount), _chars, out var bytesRead, out var written, replaceInvalidSequences: false, isFinalBlock: _eof);
        if (status == OperationStatus.InvalidData || (status == OperationStatus.NeedMoreData && _eof))
        {
            // Name the line and the byte (counted from 1 within the line) of the first invalid byte.
            var before = _bytes.AsSpan(0, bytesRead);
            var lines = _lines;
            var lineStart = _lineStartByte;
            for (var i = 0; i < before.Length; i++)
            {
                if (before[i] == (byte)'\n')
                {
                    lines++;
                    lineStart = _bytesDone + i + 1;
                }
            }

            var offset = _bytesDone + bytesRead;
            throw new FileRefusedException(_path, "FileNotUtf8", lines, offset - lineStart + 1, "0x" + _bytes[bytesRead].ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
        }

        Consume(bytesRead);
        return written;
    }

    private int DecodeOther()
    {
        try
        {
            _decoder!.Convert(_bytes, 0, _byteCount, _chars, 0, _chars.Length, _eof, out var bytesUsed, out var written, out _);
            Consume(bytesUsed);
            return written;
        }
        catch (DecoderFallbackException)
        {
            throw new FileRefusedException(_path, "FileNotInEncoding", _lines, EncodingName);
        }
    }

    private void Consume(int bytes)
    {
        for (var i = 0; i < bytes; i++)
        {
            if (_bytes[i] == (byte)'\n' && _decoder is null)
            {
                _lineStartByte = _bytesDone + i + 1;
            }
        }

        _bytesDone += bytes;
        Buffer.BlockCopy(_bytes, bytes, _bytes, 0, _byteCount - bytes);
        _byteCount -= bytes;
    }

    /// <summary>Counts lines in what was decoded, and refuses a NUL character.</summary>
    private void Track(int count)
    {
        var span = _chars.AsSpan(0, count);
        var nul = span.IndexOf('\0');
        if (nul >= 0)
        {
            throw new FileRefusedException(_path, "FileNulCharacter", _lines + span[..nul].Count('\n'));
        }

        _lines += span.Count('\n');
    }

    public void Dispose() => _stream.Dispose();
}
