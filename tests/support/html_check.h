// Parses an HTML page the way a browser would (gumbo, the HTML5 algorithm) and lists everything in it
// that could run script: the check behind the escaping tests.
#pragma once

#include <string>
#include <vector>

namespace newshound::test {

/// Descriptions of active content in `html`: any <script> other than an external one from /static/,
/// any on* event-handler attribute, any href/src/action/formaction/xlink:href with a javascript:, data:
/// or vbscript: url, and any element newshound never emits but an injection would (img, iframe, object,
/// embed, b, i, style, base, meta refresh). Empty when the page is inert apart from our own script.
[[nodiscard]] std::vector<std::string> active_content(const std::string& html);

}  // namespace newshound::test
