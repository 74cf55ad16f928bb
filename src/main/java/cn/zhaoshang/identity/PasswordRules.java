package cn.zhaoshang.identity;

import java.util.ArrayList;
import java.util.List;

/** Whether a password keeps the policy: long enough, enough character classes, not the user name. */
final class PasswordRules {

    private PasswordRules() {
    }

    static List<String> problems(String username, String password, LoginPolicy policy) {
        List<String> problems = new ArrayList<>();
        if (password == null || password.length() < policy.minLength()) {
            problems.add("密码至少需要" + policy.minLength() + "个字符");
        }
        if (password != null) {
            int classes = 0;
            classes += password.chars().anyMatch(Character::isUpperCase) ? 1 : 0;
            classes += password.chars().anyMatch(Character::isLowerCase) ? 1 : 0;
            classes += password.chars().anyMatch(Character::isDigit) ? 1 : 0;
            classes += password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0;
            if (classes < policy.minClasses()) {
                problems.add("密码需包含大写字母、小写字母、数字、符号中的至少" + policy.minClasses() + "类");
            }
            if (username != null && password.equalsIgnoreCase(username)) {
                problems.add("密码不能与用户名相同");
            }
        }
        return problems;
    }
}
