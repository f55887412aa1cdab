#pragma once
// Shared code: compiled once, linked only into the functions that call it.
#include <string>

std::string greeting_for(const std::string& language);
