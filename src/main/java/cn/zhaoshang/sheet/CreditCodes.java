package cn.zhaoshang.sheet;

/**
 * Unified social credit codes (统一社会信用代码, GB 32100-2015): 18 characters over 31 symbols, the last a
 * mod-31 check character over the first 17.
 */
public final class CreditCodes {

    /** The code's alphabet: digits and capitals without I, O, Z, S, V (they read like 1, 0, 2, 5, U). */
    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private CreditCodes() {
    }

    /** True for an 18-character code in upper case whose check character is right. */
    public static boolean isValid(String code) {
        if (code == null || code.length() != 18 || !inAlphabet(code)) {
            return false;
        }
        return checkChar(code.substring(0, 17)) == code.charAt(17);
    }

    /** The check character for the first 17 characters of a code. */
    public static char checkChar(String first17) {
        if (first17 == null || first17.length() != 17 || !inAlphabet(first17)) {
            throw new IllegalArgumentException("need 17 characters of the credit code alphabet: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
        }
        return ALPHABET.charAt((31 - sum % 31) % 31);
    }

    /** The first 17 characters with their check character appended: for test data and generators. */
    public static String complete(String first17) {
        return first17 + checkChar(first17);
    }

    static boolean inAlphabet(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (ALPHABET.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }
}
