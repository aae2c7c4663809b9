using System.Runtime.Intrinsics;

namespace Bot.Knowledge.Embeddings;

/// <summary>
/// Symmetric int8 quantisation of unit vectors (one scale per vector) and an integer dot product:
/// a quarter of float32's memory and memory traffic for the exhaustive scan. Products of two values
/// within ±127 fit in 16 bits, so the SIMD path multiplies in shorts and sums in ints.
/// </summary>
public static class Int8Vectors
{
    /// <summary>Writes <paramref name="vector"/> as int8 into <paramref name="destination"/>; returns the scale (value = int8 ×
    /// scale).</summary>
    public static float Quantize(ReadOnlySpan<float> vector, Span<sbyte> destination)
    {
        var max = 0f;
        foreach (var v in vector) max = Math.Max(max, Math.Abs(v));
        if (max == 0) { destination[..vector.Length].Clear(); return 0; }
        var scale = max / 127f;
        for (var i = 0; i < vector.Length; i++) destination[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
        return scale;
    }

    public static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<sbyte> b)
    {
        if (a.Length != b.Length) throw new ArgumentException("The vectors differ in length.");
        var i = 0;
        var total = 0;
        if (Vector256.IsHardwareAccelerated && a.Length >= Vector256<sbyte>.Count)
        {
            var sum = Vector256<int>.Zero;
            for (; i <= a.Length - Vector256<sbyte>.Count; i += Vector256<sbyte>.Count)
            {
                var (aLow, aHigh) = Vector256.Widen(Vector256.Create(a.Slice(i, Vector256<sbyte>.Count)));
                var (bLow, bHigh) = Vector256.Widen(Vector256.Create(b.Slice(i, Vector256<sbyte>.Count)));
                var (p0, p1) = Vector256.Widen(aLow * bLow);
                var (p2, p3) = Vector256.Widen(aHigh * bHigh);
                sum += (p0 + p1) + (p2 + p3);
            }
            total = Vector256.Sum(sum);
        }
        for (; i < a.Length; i++) total += a[i] * b[i];
        return total;
    }
}
