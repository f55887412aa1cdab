#pragma once
// Shared text helpers: linked into the functions that call them.
#include <string>

std::string read_text_file(const std::string& path);
std::string shout(std::string text);
