package app.tend.contracts.checkin;

/**
 * The ratings of one daily check-in.
 *
 * @param followThrough "I did what I said I would do", 0–4
 * @param empathicListening "I listened with empathy, even when it was hard", 0–4
 * @param honesty "I was honest, even about small things", 0–4
 * @param mattering "I showed my partner that their needs and feelings matter", 0–4
 * @param connected how connected I felt, 1–5
 */
public record TrustRatings(
    int followThrough, int empathicListening, int honesty, int mattering, int connected) {}
