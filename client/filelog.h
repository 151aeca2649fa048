#pragma once

#include <QLoggingCategory>

// lanchat.client.files: uploads, downloads and pictures in the window.
Q_DECLARE_LOGGING_CATEGORY(lcClientFiles)
