package cn.zhaoshang.demo;

/**
 * Check characters of the 统一社会信用代码 (GB 32100-2015) and of its embedded organization code
 * (GB 11714). Kept here so the demo does not depend on another module being ready.
 */
final class CreditCodeMaker {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    private static final int[] ORG_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};

    private CreditCodeMaker() {
    }

    /** The full 18-character code for its first 17 characters. */
    static String complete(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 characters: " + first17);
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = ALPHABET.indexOf(first17.charAt(i));
            if (v < 0) {
                throw new IllegalArgumentException("not in the code alphabet: " + first17);
            }
            sum += v * WEIGHTS[i];
        }
        return first17 + ALPHABET.charAt((31 - sum % 31) % 31);
    }

    static boolean isValid(String code) {
        return code != null && code.length() == 18 && complete(code.substring(0, 17)).equals(code);
    }

    /** The organization code (8 characters + GB 11714 check character) for its body. */
    static String organizationCode(String body8) {
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = body8.charAt(i);
            int v = Character.isDigit(c) ? c - '0' : c - 'A' + 10;
            sum += v * ORG_WEIGHTS[i];
        }
        int check = 11 - sum % 11;
        char checkChar = check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
        return body8 + checkChar;
    }
}
